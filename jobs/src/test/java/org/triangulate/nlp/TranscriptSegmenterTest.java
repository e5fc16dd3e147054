package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.SourceDocument;

/** Runs the real CoreNLP pipeline (tokenize, ssplit, pos, lemma), built once for the class. */
class TranscriptSegmenterTest {

  private static final String S1 = "Supervision was patchy at first.";
  private static final String S2 = "My manager was supervising six of us.";
  private static final String S3 = "We had no supervisor for months.";
  private static final String S4 = "Then it got better.";
  private static final String S5 = "Now I see my supervisor every fortnight.";
  private static final String S6 = "Peer supervision helps too.";
  private static final String S7 = "That is it, really.";

  private static final String TEXT =
      "Interviewer: Tell me about supervision.\n\nRespondent: "
          + String.join(" ", S1, S2, S3, S4, S5, S6, S7)
          + "\n";

  private static final SourceDocument SOURCE =
      new SourceDocument("P07.txt", "P07", "P07.txt", "0f".repeat(32), TEXT);

  private static TranscriptSegmenter segmenter;

  @BeforeAll
  static void buildPipeline() {
    CoreNlpAnnotator annotator = new CoreNlpAnnotator("tokenize,ssplit,pos,lemma");
    SpeakerTurnSegmenter turns =
        new SpeakerTurnSegmenter(
            List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"));
    segmenter = new TranscriptSegmenter(turns, annotator, 3);
  }

  @Test
  void cutsALongTurnIntoChunksOfAtMostThreeSentencesThatSliceTheSourceExactly() {
    // when
    List<Segment> segments = segmenter.segment("demo", SOURCE);

    // then: the interviewer's one sentence, then the respondent's 7 as 3 + 3 + 1
    assertThat(segments)
        .extracting(Segment::text)
        .containsExactly(
            "Tell me about supervision.", S1 + " " + S2 + " " + S3, S4 + " " + S5 + " " + S6, S7);
    assertThat(segments).extracting(Segment::sentenceCount).containsExactly(1, 3, 3, 1);
    assertThat(segments)
        .allSatisfy(s -> assertThat(TEXT.substring(s.start(), s.end())).isEqualTo(s.text()));
    assertThat(segments.get(1).start()).isEqualTo(TEXT.indexOf(S1));
    assertThat(segments.get(3).end()).isEqualTo(TEXT.length() - 1);
  }

  @Test
  void carriesTurnRoleLabelSourceAndParticipant() {
    // when
    List<Segment> segments = segmenter.segment("demo", SOURCE);

    // then
    assertThat(segments).extracting(Segment::turnIndex).containsExactly(0, 1, 1, 1);
    assertThat(segments)
        .extracting(Segment::role)
        .containsExactly(
            SpeakerRole.INTERVIEWER,
            SpeakerRole.PARTICIPANT,
            SpeakerRole.PARTICIPANT,
            SpeakerRole.PARTICIPANT);
    assertThat(segments)
        .extracting(Segment::speakerLabel)
        .containsExactly("Interviewer", "Respondent", "Respondent", "Respondent");
    assertThat(segments)
        .allSatisfy(s -> {
          assertThat(s.sourceId()).isEqualTo("P07.txt");
          assertThat(s.participantId()).isEqualTo("P07");
        });
  }

  @Test
  void lemmatisesToLowerCaseWordsWithoutPunctuation() {
    // when
    Segment firstChunk = segmenter.segment("demo", SOURCE).get(1);
    List<String> lemmas = Arrays.asList(firstChunk.lemmas().split(" "));

    // then: "Supervision" → supervision, "was" → be, "was supervising" → supervise, "months" →
    // month
    assertThat(lemmas).contains("supervision", "be", "supervise", "supervisor", "manager", "month");
    assertThat(lemmas).doesNotContain("Supervision", "supervising", "was", "months", ".", ",");
    assertThat(firstChunk.lemmas()).isLowerCase();
    assertThat(lemmas).allSatisfy(l -> assertThat(l).containsPattern("[\\p{L}\\p{N}]"));
  }

  @Test
  void dropsTheCommaOfTheLastSentenceFromItsLemmas() {
    // when
    Segment last = segmenter.segment("demo", SOURCE).get(3);

    // then: "That is it, really." has four words and two punctuation marks
    assertThat(last.lemmas().split(" ")).hasSize(4).contains("that", "be", "it", "really");
  }

  @Test
  void givesTheSameSegmentIdsOnEveryRun() {
    // when
    List<String> first =
        segmenter.segment("demo", SOURCE).stream().map(Segment::segmentId).toList();
    List<String> second =
        segmenter.segment("demo", SOURCE).stream().map(Segment::segmentId).toList();

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first)
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
  }

  @Test
  void segmentIdChangesWithTheOffsetsTheStudyAndTheSourceChecksum() {
    // given
    String id = TranscriptSegmenter.segmentId("demo", SOURCE, 53, 140);
    SourceDocument edited = new SourceDocument("P07.txt", "P07", "P07.txt", "1f".repeat(32), TEXT);

    // then
    assertThat(TranscriptSegmenter.segmentId("demo", SOURCE, 53, 140)).isEqualTo(id);
    assertThat(
            List.of(
                TranscriptSegmenter.segmentId("demo", SOURCE, 53, 141),
                TranscriptSegmenter.segmentId("demo", SOURCE, 54, 140),
                TranscriptSegmenter.segmentId("other", SOURCE, 53, 140),
                TranscriptSegmenter.segmentId("demo", edited, 53, 140)))
        .doesNotContain(id)
        .doesNotHaveDuplicates();
  }
}
