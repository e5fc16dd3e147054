package org.triangulate.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The byte-order marks an input file may start with; a mark decides the file's encoding and is
 * never part of its text. Shared by {@link DecodedText} and {@link BoundedText}. Immutable.
 */
enum ByteOrderMark {
  UTF_8(StandardCharsets.UTF_8, "UTF-8 with BOM", 0xEF, 0xBB, 0xBF),
  UTF_16LE(StandardCharsets.UTF_16LE, "UTF-16LE", 0xFF, 0xFE),
  UTF_16BE(StandardCharsets.UTF_16BE, "UTF-16BE", 0xFE, 0xFF);

  private final Charset charset;
  private final String encoding;
  private final int[] mark;

  ByteOrderMark(Charset charset, String encoding, int... mark) {
    this.charset = charset;
    this.encoding = encoding;
    this.mark = mark;
  }

  /** The mark the bytes start with, if any. */
  static Optional<ByteOrderMark> of(byte[] head) {
    return Arrays.stream(values()).filter(m -> m.startsOf(head)).findFirst();
  }

  Charset charset() {
    return charset;
  }

  /** The encoding as reports name it. */
  String encoding() {
    return encoding;
  }

  /** How many bytes the mark takes. */
  int length() {
    return mark.length;
  }

  /** Text that the mark promises but that does not decode. */
  InvalidRecordException invalidAt(long byteOffset) {
    return new InvalidRecordException(
        "byte offset " + byteOffset + ": not valid " + charset.name() + " after its BOM");
  }

  /** The note for text that is not UTF-8 and was read as Windows-1252 instead. */
  static String windows1252Note(int badByte, long byteOffset) {
    return "not valid UTF-8 (first bad byte 0x"
        + String.format("%02X", badByte & 0xFF)
        + " at byte offset "
        + byteOffset
        + "): decoded as Windows-1252";
  }

  private boolean startsOf(byte[] bytes) {
    if (bytes.length < mark.length) {
      return false;
    }
    for (int i = 0; i < mark.length; i++) {
      if ((bytes[i] & 0xFF) != mark[i]) {
        return false;
      }
    }
    return true;
  }
}
