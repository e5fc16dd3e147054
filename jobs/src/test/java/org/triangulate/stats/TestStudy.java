package org.triangulate.stats;

import java.util.List;
import java.util.Map;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/** Builds small {@link Study} values for tests; everything not given is empty. */
final class TestStudy {

  /** The demo study's thresholds. */
  static final Study.PatternThresholds DEMO_THRESHOLDS =
      new Study.PatternThresholds(0.70, 0.30, 3, 0.05, 0.30, 3.3, 0.30);

  private TestStudy() {}

  static Study.PatternThresholds thresholdsWithMinGroupN(int minGroupN) {
    Study.PatternThresholds t = DEMO_THRESHOLDS;
    return new Study.PatternThresholds(
        t.replicatedInPlaceMinShare(),
        t.replicatedNotInPlaceMaxShare(),
        minGroupN,
        t.alpha(),
        t.minEffectSize(),
        t.importanceGapMinMean(),
        t.importanceGapMaxShare());
  }

  static Study of(
      List<Study.Item> items,
      List<Study.Attribute> participantAttributes,
      Study.PatternThresholds thresholds,
      Codebook codebook) {
    List<String> groupings = participantAttributes.stream().map(Study.Attribute::id).toList();
    return new Study(
        "test",
        "Test study",
        List.of(),
        participantAttributes,
        groupings,
        List.of(),
        items,
        Map.of(),
        new Study.ImportanceScale(1, 4),
        thresholds,
        new Study.QuoteRules(3, 60, 600),
        Study.Deidentification.NONE,
        List.of(),
        Study.Languages.ENGLISH,
        null,
        codebook);
  }

  /** The study's thresholds with the bias-corrected Cramér's V switched on. */
  static Study withBiasCorrectedV(Study s) {
    Study.PatternThresholds t = s.patterns();
    return s.withPatterns(
        new Study.PatternThresholds(
            t.replicatedInPlaceMinShare(),
            t.replicatedNotInPlaceMaxShare(),
            t.minGroupN(),
            t.alpha(),
            t.minEffectSize(),
            t.importanceGapMinMean(),
            t.importanceGapMaxShare(),
            t.importanceMinEffectSize(),
            t.monteCarloTables(),
            t.monteCarloSeed(),
            true));
  }
}
