package org.triangulate.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An input file's bytes decoded the way the tools that write them intend: a byte-order mark wins
 * (UTF-8, UTF-16LE/BE); otherwise strict UTF-8; and text that is not valid UTF-8 is decoded as
 * Windows-1252 (what Excel and Word write on Western Windows) with a note saying so, never with
 * silent replacement characters. The mark itself is never part of {@code text}. Immutable.
 */
public record DecodedText(String text, String encoding, String note) {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The bytes as text, or an {@link InvalidRecordException} when they are not text at all. */
  public static DecodedText decode(byte[] bytes) {
    Optional<ByteOrderMark> mark = ByteOrderMark.of(bytes);
    if (mark.isPresent()) {
      return new DecodedText(strict(bytes, mark.get()), mark.get().encoding(), null);
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InvalidRecordException(
            "byte offset "
                + i
                + ": a NUL byte; not a text file (UTF-16 without a byte-order mark, or binary)");
      }
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return new DecodedText(decoder.decode(buffer).toString(), "UTF-8", null);
    } catch (CharacterCodingException e) {
      int offset = buffer.position();
      return new DecodedText(
          new String(bytes, WINDOWS_1252),
          "Windows-1252",
          ByteOrderMark.windows1252Note(bytes[offset], offset));
    }
  }

  private static String strict(byte[] bytes, ByteOrderMark mark) {
    var decoder =
        mark.charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes, mark.length(), bytes.length - mark.length());
    try {
      return decoder.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      throw mark.invalidAt(buffer.position());
    }
  }
}
