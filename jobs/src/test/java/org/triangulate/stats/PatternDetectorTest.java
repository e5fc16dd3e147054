package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Pattern detection on small answer sets built to clearly meet, or clearly miss, each rule. The
 * demo thresholds apply: in place ≥ 70%, not in place ≤ 30%, min group n 3, alpha 0.05, Cramér's V
 * ≥ 0.30, importance gap mean ≥ 3.3 with in place ≤ 30%.
 */
class PatternDetectorTest {

  private static final Map<String, String> NHS = Map.of("employer", "nhs");
  private static final Map<String, String> VOLUNTARY = Map.of("employer", "voluntary");

  private static final Study STUDY =
      TestStudy.of(
          List.of(
              new Study.Item("item_a", "d", "Item A text"),
              new Study.Item("item_b", "d", "Item B text"),
              new Study.Item("item_c", "d", "Item C text")),
          List.of(new Study.Attribute("employer", "Employer", orderedValues())),
          TestStudy.DEMO_THRESHOLDS,
          new Codebook(
              List.of(
                  new Codebook.Theme(
                      "t",
                      "Theme",
                      List.of(
                          category("cat_a", "item_a"),
                          category("cat_b", "item_a"),
                          category("cat_c", "item_b"))))));

  @Nested
  class ReplicatedInPlace {

    @Test
    void isCalledWhenOverallAndEveryCaseAreAtLeastTheShare() {
      // given: 4 of 5 say yes in each of three cases
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "YYYYN", 3)
              .add("c2", "item_a", "YYYYN", 3)
              .add("c3", "item_a", "YNYYY", 3);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      Pattern pattern = only(patterns, "REPLICATED_IN_PLACE");
      assertThat(pattern.id()).isEqualTo("REPLICATED_IN_PLACE:item_a");
      assertThat(pattern.family()).isEqualTo(PatternFamily.REPLICATED_IN_PLACE);
      assertThat(pattern.grouping()).isEqualTo("case");
      assertThat(pattern.groups()).containsExactly("c1", "c2", "c3");
      assertThat(pattern.evidence())
          .isEqualTo(
              "in place 80% overall, at least 80% in each of 3 cases with n ≥ 3; mean importance 3.0");
    }

    @Test
    void isNotCalledWhenOneCaseWithEnoughAnswersIsBelowTheShare() {
      // given: overall 13 of 15 = 87%, but case c3 only 3 of 5 = 60%
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "YYYYY", null)
              .add("c2", "item_a", "YYYYY", null)
              .add("c3", "item_a", "YYYNN", null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("REPLICATED_IN_PLACE");
    }

    @Test
    void ignoresCasesWithFewerAnswersThanTheMinimum() {
      // given: c4 says no, but only twice (min group n is 3)
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "YYYYY", null)
              .add("c2", "item_a", "YYYYY", null)
              .add("c3", "item_a", "YYYYY", null)
              .add("c4", "item_a", "NN", null);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "REPLICATED_IN_PLACE");

      // then
      assertThat(pattern.groups()).containsExactly("c1", "c2", "c3");
      assertThat(pattern.evidence())
          .isEqualTo(
              "in place 88% overall, at least 100% in each of 3 cases with n ≥ 3 (1 case with fewer answers not counted)");
    }

    @Test
    void isNotCalledFromASingleCase() {
      // given: everyone says yes, but all in one case
      AnswerSheet sheet = new AnswerSheet().add("c1", "item_a", "YYYYYYYY", null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("REPLICATED_IN_PLACE");
    }
  }

  @Nested
  class ReplicatedNotInPlace {

    @Test
    void isCalledWhenOverallAndEveryCaseAreAtMostTheShare() {
      // given: 1 of 5 says yes in each case
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_b", "NNNNY", 2)
              .add("c2", "item_b", "NPNNY", 2)
              .add("c3", "item_b", "YNNNN", 2);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "REPLICATED_NOT_IN_PLACE");

      // then
      assertThat(pattern.family()).isEqualTo(PatternFamily.REPLICATED_NOT_IN_PLACE);
      assertThat(pattern.grouping()).isEqualTo("case");
      assertThat(pattern.categories()).containsExactly("cat_c");
      assertThat(pattern.evidence())
          .isEqualTo(
              "in place 20% overall, at most 20% in each of 3 cases with n ≥ 3; mean importance 2.0");
    }

    @Test
    void isNotCalledWhenACaseOnlyAnsweredDontKnow() {
      // given: two cases say no; the third has enough answers but none says whether it is in place
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_b", "NNNNN", null)
              .add("c2", "item_b", "NNNNN", null)
              .add("c3", "item_b", "DDDRD", null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("REPLICATED_NOT_IN_PLACE");
    }
  }

  @Nested
  class VariesBy {

    @Test
    void isCalledWhenGroupsDifferSignificantlyAndStrongly() {
      // given: every NHS participant says yes, every voluntary-sector one no (chi-square 20, V = 1)
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "YYYYYYYYYY", null)
              .add("c2", VOLUNTARY, "item_a", "NNNNNNNNNN", null);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "VARIES_BY_EMPLOYER");

      // then
      assertThat(pattern.family()).isEqualTo(PatternFamily.VARIES_BY);
      assertThat(pattern.grouping()).isEqualTo("employer");
      assertThat(pattern.groups()).containsExactly("nhs", "voluntary");
      assertThat(pattern.highestGroup()).isEqualTo("nhs");
      assertThat(pattern.lowestGroup()).isEqualTo("voluntary");
      assertThat(pattern.strength()).isCloseTo(1.0, within(1e-12));
      assertThat(pattern.evidence())
          .startsWith(
              "by Employer: in place 100% for NHS (n 10) vs 0% for Voluntary sector (n 10); "
                  + "chi-square 20.0, df 1")
          .endsWith("adjusted p < 0.001, Cramér's V 1.00");
    }

    @Test
    void isCalledFromImportanceAloneWhenAnswersToADoNotDiffer() {
      // given: both groups answer A alike (8 of 10 yes), but every NHS participant rates the item
      // 4 and every voluntary-sector one 1. By hand: ranks 15.5 and 5.5, H = 12/(20·21) · 10 · (5²
      // +
      // 5²) = 14.29, tie correction 1 − 2 · (10³ − 10)/(20³ − 20) = 0.752, so H = 19 and ε² = H /
      // 19 = 1; U of NHS = 100 (it beats every pair)
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "YYYYYYYYNN", 4)
              .add("c2", VOLUNTARY, "item_a", "YYYYYYYYNN", 1);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "VARIES_BY_EMPLOYER");

      // then
      assertThat(pattern.differsIn()).containsExactly("importance");
      assertThat(pattern.groups()).containsExactly("nhs", "voluntary");
      assertThat(pattern.highestGroup()).isEqualTo("nhs");
      assertThat(pattern.lowestGroup()).isEqualTo("voluntary");
      assertThat(pattern.strength()).isCloseTo(1.0, within(1e-12));
      assertThat(pattern.evidence())
          .isEqualTo(
              "by Employer: importance 4.0 for NHS (n 10) vs 1.0 for Voluntary sector (n 10); "
                  + "Mann–Whitney U 100.0, adjusted p < 0.001, ε² 1.00");
    }

    @Test
    void isCalledOnceWhenBothAnswersDifferAndNamesBoth() {
      // given: NHS all yes and importance 4, voluntary sector all no and importance 1
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "YYYYYYYYYY", 4)
              .add("c2", VOLUNTARY, "item_a", "NNNNNNNNNN", 1);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "VARIES_BY_EMPLOYER");

      // then
      assertThat(pattern.differsIn()).containsExactly("happening", "importance");
      assertThat(pattern.highestGroup()).isEqualTo("nhs");
      assertThat(pattern.evidence())
          .startsWith("by Employer: in place 100% for NHS (n 10) vs 0% for Voluntary sector")
          .contains("; importance 4.0 for NHS (n 10) vs 1.0 for Voluntary sector (n 10)")
          .endsWith("ε² 1.00");
    }

    @Test
    void isNotCalledFromImportanceBelowItsEffectSizeFloor() {
      // given: 200 rate 3 and 200 rate 2 in each group, except that 20 more NHS participants say 3
      // where voluntary-sector ones say 2 (220 vs 180 threes): significant with 800 ratings, but
      // ε² = H / (n − 1) ≈ 0.01 < 0.06
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "Y".repeat(220), 3)
              .add("c1", NHS, "item_a", "Y".repeat(180), 2)
              .add("c2", VOLUNTARY, "item_a", "Y".repeat(180), 3)
              .add("c2", VOLUNTARY, "item_a", "Y".repeat(220), 2);

      // when
      List<GroupComparison> comparisons = sheet.comparisons(STUDY);
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      GroupComparison importance =
          comparisons.stream().filter(ImportanceComparison::wrote).findFirst().orElseThrow();
      assertThat(importance.pAdjusted()).isLessThan(0.05);
      assertThat(importance.effectSize()).isLessThan(0.06);
      assertThat(types(patterns)).doesNotContain("VARIES_BY_EMPLOYER");
    }

    @Test
    void isNotCalledWhenTheDifferenceIsNotSignificant() {
      // given: 3 of 5 vs 2 of 5 say yes
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "YYYNN", null)
              .add("c2", VOLUNTARY, "item_a", "YYNNN", null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("VARIES_BY_EMPLOYER");
    }

    @Test
    void isNotCalledWhenSignificantButBelowTheEffectSizeFloor() {
      // given: 220 of 400 vs 180 of 400 say yes; by hand chi-square = 4 · 20² / 200 = 8 (p ≈ 0.005)
      // but Cramér's V = √(8 / 800) = 0.1 < 0.3
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", NHS, "item_a", "Y".repeat(220) + "N".repeat(180), null)
              .add("c2", VOLUNTARY, "item_a", "Y".repeat(180) + "N".repeat(220), null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("VARIES_BY_EMPLOYER");
    }

    @Test
    void usesTheAdjustedNotTheRawPValue() {
      // given: item_a alone differs (15 of 20 vs 8 of 20 say yes, every expected count ≥ 5 so the
      // asymptotic p stands: by hand chi-square = 3.5² · (2/11.5 + 2/8.5) ≈ 5.01, raw p ≈ 0.025,
      // V ≈ 0.35); item_b and item_c are answered identically by both groups (p = 1), so across the
      // three items the adjusted p of item_a is 3 · 0.025 ≈ 0.076 > 0.05
      String nhs = "Y".repeat(15) + "N".repeat(5);
      String voluntary = "Y".repeat(8) + "N".repeat(12);
      AnswerSheet alone =
          new AnswerSheet()
              .add("c1", NHS, "item_a", nhs, null)
              .add("c2", VOLUNTARY, "item_a", voluntary, null);
      AnswerSheet withTwoNullItems =
          new AnswerSheet()
              .add("c1", NHS, "item_a", nhs, null)
              .add("c2", VOLUNTARY, "item_a", voluntary, null)
              .add("c1", NHS, "item_b", "YYNNN", null)
              .add("c2", VOLUNTARY, "item_b", "YYNNN", null)
              .add("c1", NHS, "item_c", "YPN", null)
              .add("c2", VOLUNTARY, "item_c", "YPN", null);

      // when
      List<Pattern> alonePatterns = alone.patterns(STUDY);
      List<Pattern> adjustedPatterns = withTwoNullItems.patterns(STUDY);

      // then
      assertThat(types(alonePatterns)).contains("VARIES_BY_EMPLOYER");
      assertThat(types(adjustedPatterns)).doesNotContain("VARIES_BY_EMPLOYER");
    }
  }

  @Nested
  class ImportanceGap {

    @Test
    void isCalledWhenRatedImportantButRarelyInPlace() {
      // given: importance 4 from everyone, 1 of 5 in place in each case
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "NNPNY", 4)
              .add("c2", "item_a", "NNPNY", 4)
              .add("c3", "item_a", "NNPNY", 4);

      // when
      Pattern pattern = only(sheet.patterns(STUDY), "IMPORTANCE_GAP");

      // then
      assertThat(pattern.family()).isEqualTo(PatternFamily.IMPORTANCE_GAP);
      assertThat(pattern.grouping()).isEqualTo("case");
      assertThat(pattern.categories()).containsExactly("cat_a", "cat_b");
      assertThat(pattern.evidence())
          .isEqualTo("mean importance 4.0 (n 15) but in place only 20% overall");
      // strength by its definition: min((4 − 3.3) / (4 − 3.3), (0.3 − 0.2) / 0.3) = 1/3
      assertThat(pattern.strength()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void isNotCalledWhenImportanceIsBelowTheThreshold() {
      // given: not in place, but importance only 3 (< 3.3)
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "NNPNY", 3)
              .add("c2", "item_a", "NNPNY", 3)
              .add("c3", "item_a", "NNPNY", 3);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("IMPORTANCE_GAP");
    }

    @Test
    void isNotCalledFromFewerImportanceRatingsThanTheMinimum() {
      // given: 15 answers to A, but only 2 importance ratings
      AnswerSheet sheet =
          new AnswerSheet()
              .add("c1", "item_a", "NN", 4)
              .add("c1", "item_a", "NPN", null)
              .add("c2", "item_a", "NNPNY", null)
              .add("c3", "item_a", "NNPNY", null);

      // when
      List<Pattern> patterns = sheet.patterns(STUDY);

      // then
      assertThat(types(patterns)).doesNotContain("IMPORTANCE_GAP");
    }
  }

  @Test
  void callsNothingForAnItemWithFewerAnswersThanTheMinimum() {
    // given: only two answers to A (the third participant left A blank), though three rate it 4
    AnswerSheet sheet = new AnswerSheet().add("c1", "item_a", "NN-", 4);

    // when
    List<Pattern> patterns = sheet.patterns(STUDY);

    // then
    assertThat(patterns).isEmpty();
  }

  @Test
  void ranksStrongestFirst() {
    // given: item_a in place everywhere (strength 1), item_b in 80% (strength (0.8 − 0.7) / 0.3)
    AnswerSheet sheet =
        new AnswerSheet()
            .add("c1", "item_b", "YYYYN", null)
            .add("c2", "item_b", "YYYYN", null)
            .add("c3", "item_b", "YYYYN", null)
            .add("c1", "item_a", "YYYYY", null)
            .add("c2", "item_a", "YYYYY", null)
            .add("c3", "item_a", "YYYYY", null);

    // when
    List<Pattern> patterns = sheet.patterns(STUDY);

    // then
    assertThat(patterns)
        .extracting(Pattern::id)
        .containsExactly("REPLICATED_IN_PLACE:item_a", "REPLICATED_IN_PLACE:item_b");
    assertThat(patterns.get(0).strength()).isCloseTo(1.0, within(1e-12));
    assertThat(patterns.get(1).strength()).isCloseTo((0.8 - 0.7) / (1 - 0.7), within(1e-12));
  }

  private static Pattern only(List<Pattern> patterns, String type) {
    List<Pattern> ofType = patterns.stream().filter(p -> p.type().equals(type)).toList();
    assertThat(ofType).as("patterns of type %s in %s", type, types(patterns)).hasSize(1);
    return ofType.get(0);
  }

  private static List<String> types(List<Pattern> patterns) {
    return patterns.stream().map(Pattern::type).toList();
  }

  private static Codebook.Category category(String id, String item) {
    return new Codebook.Category(id, id, id, List.of(item), List.of(), List.of());
  }

  private static Map<String, String> orderedValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("nhs", "NHS");
    values.put("voluntary", "Voluntary sector");
    return values;
  }
}
