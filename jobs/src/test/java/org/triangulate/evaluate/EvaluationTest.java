package org.triangulate.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures worked out by hand on a transcript with two planted passages. */
class EvaluationTest {

  // P1.txt: characters 0-100 are about pay (answered no), 100-200 about training (answered yes).
  private final PlantedTruth truth =
      new PlantedTruth(
          Map.of(
              "P1.txt",
              List.of(
                  new PlantedPassage("P1.txt", "pay", "no", 0, 100),
                  new PlantedPassage("P1.txt", "training", "yes", 100, 200))));
  private final Map<String, ExtractSpan> spans =
      Map.of(
          "s1", new ExtractSpan("s1", "P1.txt", "P1", 0, 60),
          "s2", new ExtractSpan("s2", "P1.txt", "P1", 60, 100),
          "s3", new ExtractSpan("s3", "P1.txt", "P1", 100, 200));
  private final Map<String, String> domains = Map.of("pay", "reward", "training", "growth");
  private final Map<String, String> answers = Map.of("P1/pay", "no", "P1/training", "yes");

  @Test
  void quotePrecisionAndAnswerAgreementPerPackAndOverall() {
    List<PackQuote> quotes =
        List.of(
            new PackQuote("a", "pay", "s1", "no"),
            new PackQuote("a", "pay", "s3", "yes"), // about training, and P1 answered pay "no"
            new PackQuote("b", "training", "s3", "yes"));

    List<Evaluation.QuoteFigures> figures =
        Evaluation.quotes(truth, spans, quotes, answers, domains);

    assertThat(figures)
        .extracting(
            Evaluation.QuoteFigures::pack,
            Evaluation.QuoteFigures::quotes,
            Evaluation.QuoteFigures::aboutItem,
            Evaluation.QuoteFigures::answersAgree)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 2, 1, 1),
            org.assertj.core.groups.Tuple.tuple("b", 1, 1, 1),
            org.assertj.core.groups.Tuple.tuple("all", 3, 2, 2));
    assertThat(figures.getLast().itemPrecision()).isEqualTo(2.0 / 3);
  }

  @Test
  void aPassageIsRecalledWhenAtLeastHalfOfItLiesInSegmentsAlignedToItsItem() {
    // s1 (60 of pay's 100 characters) aligned to pay; s3 aligned to the wrong item
    Evaluation.AlignmentFigures figures =
        Evaluation.alignment(
            truth, spans, Map.of("s1", List.of("pay"), "s3", List.of("pay", "training")));

    assertThat(figures.passages()).isEqualTo(2);
    assertThat(figures.recalled()).isEqualTo(2);
    // three alignments on planted passages, of which s3 -> pay is wrong
    assertThat(figures.alignedOverlapping()).isEqualTo(3);
    assertThat(figures.alignedCorrect()).isEqualTo(2);

    Evaluation.AlignmentFigures partial =
        Evaluation.alignment(truth, spans, Map.of("s2", List.of("pay")));
    assertThat(partial.recalled()).isZero(); // 40 of 100 characters is under half
  }
}
