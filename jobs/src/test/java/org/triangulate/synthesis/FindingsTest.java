package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.PatternFamily;

class FindingsTest {

  // The fixture's answers: 12 participants, P005 and P010 yes, P006 and P012 partly, the rest no;
  // cases C01 = P001–P006 (1 yes, 1 partly, 4 no), C02 = P007–P012 (1 yes, 1 partly, 4 no);
  // importance 1 + i % 4: 2,3,4,1,2,3 in C01 and 4,1,2,3,4,1 in C02, mean 30 / 12 = 2.5.
  private final PackFixture fixture = new PackFixture();
  private final Findings findings = new Findings(fixture.study);

  @Test
  void statesAReplicatedPatternWithTheOverallShareAndTheMostExtremeCase() {
    String sentence = findings.sentence(fixture.pattern, overall(), cases());

    assertThat(sentence)
        .isEqualTo(
            "Not in place in any case: 17% yes overall, at most 17% in any case;"
                + " mean importance 2.5 of 4.");
  }

  @Test
  void statesAnImportanceGapWithMeanAndShare() {
    Pattern gap = pattern(PatternFamily.IMPORTANCE_GAP, ItemGroupStats.CASE, List.of());

    assertThat(findings.sentence(gap, overall(), cases()))
        .isEqualTo("Matters but is not in place: mean importance 2.5 of 4, yet only 17% say yes.");
  }

  @Test
  void statesAGroupDifferenceWithItsHighestAndLowestGroups() {
    // given the two groups of the fixture's participant attribute: odd-numbered participants
    // (P005 yes) in the second value, even-numbered (P010 yes) in the first — equal shares,
    // so take importance: odd 2,4,2,4,2,4 → 3.0; even 3,1,3,1,3,1 → 2.0
    Pattern differs = pattern(PatternFamily.VARIES_BY, fixture.group, List.of("importance"));
    List<ItemGroupStats> groups =
        fixture.stats.stream()
            .filter(s -> s.itemId().equals(fixture.item.id()) && s.grouping().equals(fixture.group))
            .toList();

    String sentence = findings.sentence(differs, overall(), groups);

    String odd = fixture.study.groupLabel(fixture.group, fixture.groupValues.get(1));
    String even = fixture.study.groupLabel(fixture.group, fixture.groupValues.get(0));
    assertThat(sentence)
        .isEqualTo(
            "Differs by "
                + fixture.study.groupingLabel(fixture.group).toLowerCase(java.util.Locale.ROOT)
                + ": mean importance 3.0 for "
                + odd
                + " against 2.0 for "
                + even
                + ".");
  }

  private ItemGroupStats overall() {
    return fixture.stats.stream()
        .filter(s -> s.itemId().equals(fixture.item.id()) && s.isOverall())
        .findFirst()
        .orElseThrow();
  }

  private List<ItemGroupStats> cases() {
    return fixture.stats.stream()
        .filter(s -> s.itemId().equals(fixture.item.id()) && s.grouping().equals("case"))
        .toList();
  }

  private Pattern pattern(PatternFamily family, String grouping, List<String> differsIn) {
    return new Pattern(
        family.name() + ":" + fixture.item.id(),
        family.name(),
        family,
        fixture.item.id(),
        grouping,
        List.of(),
        null,
        null,
        "",
        0.5,
        List.of(),
        differsIn);
  }
}
