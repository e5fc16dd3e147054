package org.triangulate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a transcript file named {@code <participant_id>.txt} into a {@link SourceDocument} with its
 * canonical text: UTF-8 decoded strictly (a bad byte is reported with its offset), byte-order mark
 * dropped, CRLF/CR as LF, Unicode NFC.
 */
public class TranscriptFileProcessor implements ItemProcessor<Path, SourceDocument> {

  private final Set<String> knownParticipants;

  public TranscriptFileProcessor(Set<String> knownParticipants) {
    this.knownParticipants = Set.copyOf(knownParticipants);
  }

  @Override
  public SourceDocument process(Path file) {
    String fileName = file.getFileName().toString();
    if (!fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
      throw new InvalidRecordException(
          "unsupported transcript type (expected <participant_id>.txt)");
    }
    String participantId = fileName.substring(0, fileName.length() - ".txt".length());
    if (!knownParticipants.contains(participantId)) {
      throw new InvalidRecordException(
          "file name '" + participantId + "' is not a participant in participants.csv");
    }
    byte[] bytes = readAllBytes(file);
    String text = canonicalText(decodeUtf8(bytes));
    if (text.isBlank()) {
      throw new InvalidRecordException("transcript is empty");
    }
    return new SourceDocument(
        fileName, participantId, fileName, DigestUtils.sha256Hex(bytes), text);
  }

  static String canonicalText(String decoded) {
    String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static String decodeUtf8(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRecordException("not valid UTF-8 at byte offset " + buffer.position());
    }
  }

  private static byte[] readAllBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
