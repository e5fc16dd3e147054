package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;

/**
 * The aligner on hand-made vectors: three items along three axes, so similarities are known without
 * a model.
 */
class ItemAlignerTest {

  private static final float[] PAY = {1, 0, 0};
  private static final float[] TRAINING = {0, 1, 0};
  private static final float[] SUPERVISION = {0, 0, 1};
  private static final float[] NOTHING_IN_PARTICULAR = Vectors.unit(new float[] {1, 1, 1});

  private final ItemProfiles items =
      ItemProfiles.ofVectors(
          List.of("pay", "training", "supervision"),
          List.of(List.of(PAY), List.of(TRAINING), List.of(SUPERVISION)));
  private final Study.Alignment settings =
      new Study.Alignment(null, 0.7, 0.8, 0.35, 0.0).withDefaults();

  private final List<ItemAligner.Segment> transcript = new ArrayList<>();
  private int turn;

  private void interviewer(String id, float[] vector) {
    transcript.add(new ItemAligner.Segment(id, turn++, false, vector, List.of()));
  }

  private void participant(String id, float[] vector, ItemAligner.Coded... codings) {
    transcript.add(new ItemAligner.Segment(id, turn++, true, vector, List.of(codings)));
  }

  private List<ItemAlignment> align(Map<String, List<String>> categoryItems) {
    return new ItemAligner(items, settings, categoryItems).align(transcript);
  }

  @Test
  void answersTakeTheItemOfTheQuestionTheyAnswerAcrossProbes() {
    interviewer("q1", PAY);
    participant("a1", Vectors.unit(new float[] {0.6f, 0.5f, 0.5f}));
    interviewer("probe", NOTHING_IN_PARTICULAR); // "Can you say a bit more?" asks no item
    participant("a2", NOTHING_IN_PARTICULAR);
    interviewer("q2", TRAINING);
    participant("a3", NOTHING_IN_PARTICULAR);

    List<ItemAlignment> alignments = align(Map.of());

    assertThat(alignments)
        .extracting(a -> a.segmentId() + ">" + a.itemId() + ":" + a.provenance())
        .containsExactly(
            "a1>pay:aligned:question", "a2>pay:aligned:question", "a3>training:aligned:question");
    // the score is the margin over the next closest item, the question weighing 0.7
    double n = norm(0.6, 0.5, 0.5);
    assertThat(alignments.get(0).score())
        .isCloseTo(0.7 * 1 + 0.3 * 0.6 / n - (0.7 * 0 + 0.3 * 0.5 / n), within());
  }

  @Test
  void aTurnBeforeAnyQuestionAboutAnItemAlignsOnlyByItsOwnMeaning() {
    interviewer("hello", NOTHING_IN_PARTICULAR);
    participant("background", NOTHING_IN_PARTICULAR);
    participant("aside", Vectors.unit(new float[] {0.1f, 0.1f, 1}));

    assertThat(align(Map.of()))
        .extracting(a -> a.segmentId() + ">" + a.itemId() + ":" + a.provenance())
        .containsExactly("aside>supervision:aligned:semantic");
  }

  @Test
  void anAnswerTakesItsSectionsItemEvenWhenItsOwnWordsLeanElsewhere() {
    interviewer("q", PAY);
    participant("a", Vectors.unit(new float[] {0.2f, 0, 0.98f}));

    assertThat(align(Map.of()))
        .extracting(a -> a.itemId() + ":" + a.provenance())
        .containsExactly("pay:aligned:question");
  }

  @Test
  void codingsOfTheItemsCategoriesAndAgreeingMeaningAreRecordedAsEvidence() {
    interviewer("q", PAY);
    participant(
        "a",
        PAY,
        new ItemAligner.Coded("money", "rule:money"),
        new ItemAligner.Coded("learning", "imported:NVivo"));

    List<ItemAlignment> alignments =
        align(Map.of("money", List.of("pay", "supervision"), "learning", List.of("training")));

    assertThat(alignments)
        .extracting(a -> a.itemId() + ":" + a.provenance())
        .containsExactly("pay:aligned:question,aligned:semantic,rule:money");
  }

  @Test
  void aSectionTooCloseToCallKeepsBothCandidatesBelowTheQuoteThreshold() {
    float[] payOrTraining = Vectors.unit(new float[] {1, 1, 0});
    interviewer("q", payOrTraining);
    participant("a", payOrTraining);

    List<ItemAlignment> alignments = align(Map.of());

    assertThat(alignments).extracting(ItemAlignment::itemId).containsExactly("pay", "training");
    assertThat(alignments).allMatch(a -> a.score() < settings.quoteMinScore());
  }

  private static double norm(double... v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
