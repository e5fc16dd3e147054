package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.TranscriptText;

/**
 * Transcripts as transcription tools and typists write them, each a fixture made here with its
 * truth (how many turns are the interviewer's and how many the participant's), read the way the
 * night reads them: the file's text ({@link TranscriptText}), then its speaker turns with the
 * labels of config/application.yml.
 */
class TranscriptStylesTest {

  private final SpeakerTurnSegmenter segmenter =
      new SpeakerTurnSegmenter(
          List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"),
          List.of("Interviewee", "Respondent", "R", "Participant", "P", "A"));

  private Map<SpeakerRole, Integer> rolesOf(String fileName, byte[] bytes) {
    String text = TranscriptText.read(fileName, bytes).text();
    Map<SpeakerRole, Integer> counts = new TreeMap<>();
    for (SpeakerTurn turn : segmenter.segment(text)) {
      counts.merge(turn.role(), 1, Integer::sum);
    }
    return counts;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<SpeakerRole, Integer> truth(int interviewer, int participant) {
    return new TreeMap<>(
        Map.of(SpeakerRole.INTERVIEWER, interviewer, SpeakerRole.PARTICIPANT, participant));
  }

  @Test
  void readsLowerCaseLabels() {
    String text =
        "interviewer: How did you start?\ninterviewee: Through a friend.\n"
            + "interviewer: And then?\ninterviewee: Training, mostly.\n";
    assertThat(rolesOf("P01.txt", utf8(text))).isEqualTo(truth(2, 2));
  }

  @Test
  void readsNumberedInterviewersWithOrWithoutASpace() {
    String text =
        "Interviewer1 : What is your role?\nInterviewer 2: How long have you had it?\n"
            + "Respondent: Two years now.\nInterviewer1 : Thanks.\n";
    assertThat(rolesOf("P01.txt", utf8(text))).isEqualTo(truth(3, 1));
  }

  @Test
  void readsLabelsWithoutAColon() {
    String text =
        "INTERVIEWER\tWhat do you do here?\nPARTICIPANT\tI support people on the ward.\n"
            + "Interviewer - Anything else?\nParticipant - No, that is it.\n\n"
            + "Interviewer\nWhat changed last year?\n\nParticipant\nEverything, honestly.\n";
    assertThat(rolesOf("P01.txt", utf8(text))).isEqualTo(truth(3, 3));
  }

  @Test
  void readsTurnsFromATwoColumnWordTable() throws Exception {
    // given a .docx whose turns sit in a table: speaker | text
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Interview with participant 1");
      XWPFTable table = document.createTable(4, 2);
      String[][] rows = {
        {"Interviewer", "How did you come to this job?"},
        {"Participant", "I saw it advertised at the hospital."},
        {"Interviewer", "What did you expect?"},
        {"Participant", "Not much, to be honest."}
      };
      for (int r = 0; r < rows.length; r++) {
        table.getRow(r).getCell(0).setText(rows[r][0]);
        table.getRow(r).getCell(1).setText(rows[r][1]);
      }
      document.write(out);
      docx = out.toByteArray();
    }

    // then the heading is an unlabelled turn of its own, and each row a turn of its speaker
    Map<SpeakerRole, Integer> roles = rolesOf("P01.docx", docx);
    assertThat(roles).isEqualTo(truth(2, 3));
    assertThat(TranscriptText.read("P01.docx", docx).text())
        .contains("Interviewer: How did you come to this job?")
        .doesNotContain(" | ");
  }

  @Test
  void readsWebVttWithVoiceTagsJoiningOneSpeakersCues() {
    // given a meeting tool's captions: named speakers, one of them speaking over two cues
    String vtt =
        "WEBVTT\n\n"
            + "1\n00:00:01.000 --> 00:00:04.000\n<v Alex Morgan>How did you start in this role?</v>\n\n"
            + "2\n00:00:04.500 --> 00:00:08.000\n<v Jane Smith>Through a friend, really.</v>\n\n"
            + "3\n00:00:08.000 --> 00:00:11.000\n<v Jane Smith>It was years ago.</v>\n\n"
            + "NOTE a comment the tool left\n\n"
            + "4\n00:00:11.500 --> 00:00:13.000\n<v Alex Morgan>And now?</v>\n\n"
            + "5\n00:00:13.500 --> 00:00:16.000\n<v Jane Smith>Now I manage the team.</v>\n";

    // then the speaker asking the questions is the interviewer
    assertThat(rolesOf("P01.vtt", utf8(vtt))).isEqualTo(truth(2, 2));
    assertThat(TranscriptText.read("P01.vtt", utf8(vtt)).text())
        .contains("Jane Smith: Through a friend, really. It was years ago.")
        .doesNotContain("-->");
  }

  @Test
  void readsSrtWithSpeakerNamesInTheText() {
    String srt =
        "1\r\n00:00:01,000 --> 00:00:03,000\r\nInterviewer: Where do you work?\r\n\r\n"
            + "2\r\n00:00:03,500 --> 00:00:06,000\r\nSam: On the ward,\r\nmostly nights.\r\n\r\n"
            + "3\r\n00:00:06,500 --> 00:00:08,000\r\nInterviewer: Since when?\r\n\r\n"
            + "4\r\n00:00:08,500 --> 00:00:10,000\r\nSam: Since 2019.\r\n";
    assertThat(rolesOf("P01.srt", utf8(srt))).isEqualTo(truth(2, 2));
  }

  @Test
  void saysWhenNoInterviewerCanBeToldApartNamingTheLabelsSeen() {
    // given a transcript of two named speakers, neither asking a question
    String text = "Sam: I started in 2019.\nJo: Me too.\nSam: It was fine.\n";

    // then it is reported, with the labels seen, instead of silently read as all participant
    assertThat(segmenter.interviewerProblem(text))
        .contains("no interviewer told apart (labels seen: Sam, Jo)")
        .contains("triangulate.nlp.interviewer-labels");
    assertThat(segmenter.interviewerProblem("Interviewer: Why?\nSam: Because.\n")).isNull();
    assertThat(segmenter.interviewerProblem("Just some notes.\n\nMore notes.\n"))
        .startsWith("no speaker labels found");
  }
}
