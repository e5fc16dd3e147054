package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

  /** {@code printf 'I: Hello\nR: Hi\n' | sha256sum}. */
  private static final String SHA256_OF_HELLO =
      "76378ad92c9ed4cdacc24e0eda77aa8cbfdb31b4e9d27a590aac680e72dd1811";

  /** A Word document written with POI: paragraphs, a line break inside one, and a table. */
  static byte[] docx(String... paragraphs) throws Exception {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String paragraph : paragraphs) {
        String[] lines = paragraph.split("\n", -1);
        var run = document.createParagraph().createRun();
        for (int i = 0; i < lines.length; i++) {
          if (i > 0) {
            run.addBreak();
          }
          run.setText(lines[i], i);
        }
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void readsAWordDocumentOneLinePerParagraph() throws Exception {
    // given
    byte[] bytes = docx("Interviewer: How did it start?", "", "P07: Slowly.\nThen all at once.");

    // when
    TranscriptText text = TranscriptText.read("P07.docx", bytes);

    // then
    assertThat(text.text())
        .isEqualTo("Interviewer: How did it start?\n\nP07: Slowly.\nThen all at once.");
    assertThat(text.format()).isEqualTo("docx");
  }

  @Test
  void readsATwoColumnWordTableRowAsTheSpeakersTurn() throws Exception {
    // given
    byte[] bytes;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFTable table = document.createTable(1, 2);
      table.getRow(0).getCell(0).setText("Interviewer");
      table.getRow(0).getCell(1).setText("Tell me more.");
      document.write(out);
      bytes = out.toByteArray();
    }

    // when
    TranscriptText text = TranscriptText.read("P07.docx", bytes);

    // then
    assertThat(text.text()).isEqualTo("Interviewer: Tell me more.");
  }

  @Test
  void refusesADocxThatIsNotAWordDocument() {
    assertThatThrownBy(
            () -> TranscriptText.read("P07.docx", "plain text".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("not a readable .docx (Word) file: ");
  }

  @Test
  void readsMarkdownAsItsText() {
    // when
    TranscriptText text =
        TranscriptText.read(
            "P07.md", "**Interviewer:** Hello\r\n".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(text.text()).isEqualTo("**Interviewer:** Hello\n");
    assertThat(text.format()).isEqualTo("md");
    assertThat(text.lineEndings()).isEqualTo("CRLF");
  }

  @Test
  void makesCanonicalTextNfcWithLfAndRecordsTheOriginalLineEndings() {
    // given a decomposed é, CR and CRLF line endings and a BOM
    byte[] bytes = "\uFEFFcafe\u0301\ra\r\nb".getBytes(StandardCharsets.UTF_8);

    // when
    TranscriptText text = TranscriptText.read("P01.txt", bytes);

    // then
    assertThat(text.text()).isEqualTo("caf\u00e9\na\nb");
    assertThat(text.lineEndings()).isEqualTo("mixed");
    assertThat(text.encoding()).isEqualTo("UTF-8 with BOM");
  }

  @Test
  void decodesWindows1252TextWithANote() {
    // given "It’s" with the curly apostrophe as byte 0x92
    byte[] bytes = {'I', 't', (byte) 0x92, 's', '\n'};

    // when
    TranscriptText text = TranscriptText.read("P01.txt", bytes);

    // then
    assertThat(text.text()).isEqualTo("It\u2019s\n");
    assertThat(text.note())
        .isEqualTo(
            "not valid UTF-8 (first bad byte 0x92 at byte offset 2): decoded as Windows-1252");
  }

  @Test
  void refusesOtherFileTypesAndEmptyTranscripts() {
    assertThatThrownBy(() -> TranscriptText.read("P01.rtf", new byte[] {'x'}))
        .hasMessage(
            "unsupported transcript type '.rtf' (expected .txt, .md, .docx, .vtt or .srt; save other formats as"
                + " one of these)");
    assertThatThrownBy(
            () -> TranscriptText.read("P01.txt", " \n\t".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("transcript is empty");
  }

  @Test
  void stagesATranscriptForTheParticipantItsFileNameNames() {
    // given
    byte[] bytes = "I: Hello\nR: Hi\n".getBytes(StandardCharsets.UTF_8);

    // when
    InputLoad<StagedTranscript> load =
        StagedTranscript.read(
            "p07_interview.txt", bytes, DigestUtils.sha256Hex(bytes), Set.of("P07", "P08"));

    // then
    assertThat(load.loaded())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.source().participantId()).isEqualTo("P07");
          assertThat(t.source().sourceId()).isEqualTo("p07_interview.txt");
          assertThat(t.source().sha256()).isEqualTo(SHA256_OF_HELLO);
          assertThat(t.origin())
              .isEqualTo(new StagedStudyStore.SourceOrigin("transcript", "txt", "LF"));
        });
  }

  @Test
  void quarantinesAFileNamedAfterNoParticipant() {
    // when
    InputLoad<StagedTranscript> load =
        StagedTranscript.read("notes.txt", new byte[] {'x'}, "0", Set.of("P07"));

    // then
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "transcripts/notes.txt: file: file name 'notes.txt' names no participant in"
                + " participants.csv (name it <participant_id>.txt, .md or .docx)");
  }

  @Test
  void findsTheParticipantAFileIsNamedAfter() {
    Set<String> ids = Set.of("P07", "P17", "C01");
    assertThat(ParticipantNames.participantOf("P07.txt", ids)).contains("P07");
    assertThat(ParticipantNames.participantOf("p07.docx", ids)).contains("P07");
    assertThat(ParticipantNames.participantOf("2025-02-11 P17 interview.md", ids)).contains("P17");
    assertThat(ParticipantNames.participantOf("P07 and P17.txt", ids)).isEmpty();
    assertThat(ParticipantNames.participantOf("P070.txt", ids)).isEmpty();
  }
}
