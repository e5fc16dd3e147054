package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFileProcessorTest {

  @TempDir Path directory;

  private final TranscriptFileProcessor processor =
      new TranscriptFileProcessor(Set.of("P07", "P08"));

  @Test
  void stagesTranscriptUnderItsFileNameForTheParticipantItIsNamedAfter() throws Exception {
    // given
    Path file = write("P07.txt", utf8("Interviewer: Hello.\nRespondent: Hi.\n"));

    // when
    SourceDocument source = processor.process(file);

    // then
    assertThat(source.sourceId()).isEqualTo("P07.txt");
    assertThat(source.fileName()).isEqualTo("P07.txt");
    assertThat(source.participantId()).isEqualTo("P07");
    assertThat(source.text()).isEqualTo("Interviewer: Hello.\nRespondent: Hi.\n");
  }

  @Test
  void turnsCrlfAndLoneCrIntoLf() throws Exception {
    // given
    Path file =
        write("P07.txt", utf8("Interviewer: Hello.\r\nRespondent: Hi.\rInterviewer: Bye.\r\n"));

    // when
    SourceDocument source = processor.process(file);

    // then
    assertThat(source.text())
        .isEqualTo("Interviewer: Hello.\nRespondent: Hi.\nInterviewer: Bye.\n");
  }

  @Test
  void composesDecomposedCharactersToNfc() throws Exception {
    // given: "Renée" written as e + U+0301 COMBINING ACUTE ACCENT
    Path file = write("P07.txt", utf8("Respondent: Rene\u0301e helped.\n"));

    // when
    SourceDocument source = processor.process(file);

    // then: one precomposed U+00E9, so the text is one character shorter
    assertThat(source.text()).isEqualTo("Respondent: Ren\u00e9e helped.\n");
    assertThat(source.text()).hasSize("Respondent: Renee helped.\n".length());
  }

  @Test
  void dropsTheByteOrderMark() throws Exception {
    // given
    Path file =
        write(
            "P07.txt",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("Respondent: Hi.")));

    // when
    SourceDocument source = processor.process(file);

    // then
    assertThat(source.text()).isEqualTo("Respondent: Hi.");
  }

  @Test
  void reportsInvalidUtf8WithTheByteOffsetOfTheBadByte() throws Exception {
    // given: "café " is 6 bytes (é is C3 A9), then a Latin-1 0xE9 that is no UTF-8 sequence
    Path file =
        write("P07.txt", concat(utf8("caf\u00e9 "), new byte[] {(byte) 0xE9}, utf8(" au lait")));

    // then
    assertThatThrownBy(() -> processor.process(file))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("not valid UTF-8 at byte offset 6");
  }

  @Test
  void countsTheByteOrderMarkInTheOffsetOfABadByte() throws Exception {
    // given: BOM (3 bytes) + "ab" (2 bytes), then a lone continuation byte 0x80 at offset 5
    Path file =
        write(
            "P07.txt",
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("ab"),
                new byte[] {(byte) 0x80}));

    // then
    assertThatThrownBy(() -> processor.process(file))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("not valid UTF-8 at byte offset 5");
  }

  @Test
  void rejectsFileNamedAfterNoParticipant() throws Exception {
    // given
    Path file = write("P99.txt", utf8("Respondent: Hi."));

    // then
    assertThatThrownBy(() -> processor.process(file))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("'P99'")
        .hasMessageContaining("not a participant");
  }

  @Test
  void rejectsFileThatIsNotPlainText() throws Exception {
    // given
    Path file = write("P07.docx", utf8("PK not really a docx"));

    // then
    assertThatThrownBy(() -> processor.process(file))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("unsupported transcript type");
  }

  @Test
  void rejectsTranscriptWithOnlyWhitespace() throws Exception {
    // given
    Path file = write("P08.txt", utf8(" \r\n\t\n"));

    // then
    assertThatThrownBy(() -> processor.process(file))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("transcript is empty");
  }

  @Test
  void checksumIsTheSha256OfTheOriginalBytes() throws Exception {
    // given: bytes the canonical text differs from (BOM, CRLF, decomposed é)
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            utf8("Respondent: Rene\u0301e.\r\n"));
    Path file = write("P08.txt", bytes);
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

    // when
    SourceDocument source = processor.process(file);

    // then
    assertThat(source.sha256()).isEqualTo(expected).hasSize(64);
  }

  @Test
  void checksumOfAKnownInputMatchesSha256sum() throws Exception {
    // given: `printf abc | sha256sum` is the FIPS 180-2 test vector
    Path file = write("P08.txt", utf8("abc"));

    // when
    SourceDocument source = processor.process(file);

    // then
    assertThat(source.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(directory.resolve(name), bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
