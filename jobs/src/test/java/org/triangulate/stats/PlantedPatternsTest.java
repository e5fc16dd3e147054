package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the demo, the statistics find every pattern the generator planted ({@code
 * data-in/demo/planted.yml}, see {@link PlantedTruth}) and call no pattern of any family for an
 * item planted as a negative control. The demo is read as the nightly job reads it ({@link
 * DemoStudyData}) and run through item statistics, both group comparisons and pattern detection
 * with config/demo/study.yml's thresholds. Skipped, saying so, while the demo has no planted.yml.
 */
class PlantedPatternsTest {

  private static final Path PLANTED = DemoStudyData.INPUT.resolve("planted.yml");

  private static PlantedTruth truth;
  private static List<Pattern> found;

  @BeforeAll
  static void detectPatternsOnTheDemo() {
    if (!Files.isRegularFile(PLANTED)) {
      return;
    }
    DemoStudyData demo = DemoStudyData.load();
    truth = PlantedTruth.read(PLANTED, demo.study());
    List<ItemGroupStats> stats =
        new ItemStatistics(demo.study()).compute(demo.answers(), demo.groups());
    List<GroupComparison> comparisons =
        new GroupComparisons(demo.study()).compare(demo.answers(), demo.groups());
    found = new PatternDetector(demo.study()).detect(stats, comparisons);
  }

  @BeforeEach
  void requirePlantedTruth() {
    assumeTrue(
        truth != null,
        PLANTED
            + " is absent: the demo has no planted truth yet (the seeded demo generator writes it), "
            + "so there is nothing to check the detected patterns against");
  }

  @Test
  void findsEveryPlantedPattern() {
    // given
    assertThat(truth.patterns()).as("planted patterns in " + PLANTED).isNotEmpty();

    // when
    List<PlantedTruth.Expected> missed =
        truth.patterns().stream()
            .filter(p ->
                found.stream()
                    .noneMatch(f -> f.type().equals(p.type()) && f.itemId().equals(p.itemId())))
            .toList();

    // then
    assertThat(missed)
        .as(
            "planted but not found; found for those items: "
                + missed.stream()
                    .map(PlantedTruth.Expected::itemId)
                    .distinct()
                    .map(this::foundFor)
                    .collect(Collectors.joining("; ")))
        .isEmpty();
  }

  @Test
  void callsNoPatternOfAnyFamilyForANegativeControlItem() {
    // given
    assertThat(truth.negativeControls()).as("negative controls in " + PLANTED).isNotEmpty();

    // when
    List<Pattern> onControls =
        found.stream().filter(p -> truth.negativeControls().contains(p.itemId())).toList();

    // then
    assertThat(onControls)
        .extracting(p -> p.id() + " " + p.family() + " (" + p.evidence() + ")")
        .as("patterns of any family on negative controls")
        .isEmpty();
    // and the check can fail: the detector does report patterns on the other items, of every
    // family the demo plants
    assertThat(found.stream().map(Pattern::family).distinct())
        .containsExactlyInAnyOrder(PatternFamily.values());
  }

  private String foundFor(String itemId) {
    return itemId
        + " → "
        + found.stream().filter(f -> f.itemId().equals(itemId)).map(Pattern::type).toList();
  }
}
