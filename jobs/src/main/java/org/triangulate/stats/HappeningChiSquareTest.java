package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import org.triangulate.study.Happening;

/**
 * Chi-square test of independence of group × answer-A code, with Cramér's V as effect size.
 *
 * <p>Groups with fewer answers than the minimum group n are left out (and named in the note); codes
 * nobody in the remaining groups used are dropped. The test is skipped, with a note, when fewer
 * than 2 groups or 2 codes remain. The p-value is asymptotic: when expected counts are small the
 * note says so; a seeded Monte Carlo p-value ({@link GroupComparison#pMonteCarlo()}) is not
 * computed yet. Immutable; thread-safe.
 */
public final class HappeningChiSquareTest implements GroupDifferenceTest {

  public static final String NAME = "chi_square";
  public static final String EFFECT_MEASURE = "cramers_v";

  private final int minGroupN;

  public HappeningChiSquareTest(int minGroupN) {
    this.minGroupN = minGroupN;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GroupComparison compare(
      String itemId, String grouping, SortedMap<String, List<Answer>> answersByGroup) {
    List<String> kept = new ArrayList<>();
    List<HappeningCounts> counts = new ArrayList<>();
    StringJoiner excluded =
        new StringJoiner(", ", "excluded with n < " + minGroupN + ": ", "").setEmptyValue("");
    for (Map.Entry<String, List<Answer>> entry : answersByGroup.entrySet()) {
      HappeningCounts c =
          HappeningCounts.of(entry.getValue().stream().map(Answer::happening).toList());
      if (c.n() < minGroupN) {
        excluded.add(entry.getKey() + " (n " + c.n() + ")");
      } else {
        kept.add(entry.getKey());
        counts.add(c);
      }
    }
    List<String> notes = new ArrayList<>();
    if (excluded.length() > 0) {
      notes.add(excluded.toString());
    }
    if (kept.size() < 2) {
      notes.add("skipped: fewer than 2 groups with n >= " + minGroupN);
      return GroupComparison.skipped(
          itemId, grouping, NAME, kept, EFFECT_MEASURE, String.join("; ", notes));
    }
    ChiSquareIndependence.Result result = ChiSquareIndependence.test(table(counts));
    if (result == null) {
      notes.add("skipped: fewer than 2 answer codes used");
      return GroupComparison.skipped(
          itemId, grouping, NAME, kept, EFFECT_MEASURE, String.join("; ", notes));
    }
    if (result.smallExpectedCells() > 0) {
      int cells = result.keptRows().size() * result.keptColumns();
      notes.add(
          "asymptotic p doubtful: "
              + result.smallExpectedCells()
              + " of "
              + cells
              + " expected counts < "
              + (int) ChiSquareIndependence.SMALL_EXPECTED);
    }
    List<String> tested = result.keptRows().stream().map(kept::get).toList();
    return new GroupComparison(
        itemId,
        grouping,
        NAME,
        tested,
        result.statistic(),
        result.degreesOfFreedom(),
        result.pValue(),
        Double.NaN,
        Double.NaN,
        result.cramersV(),
        EFFECT_MEASURE,
        String.join("; ", notes));
  }

  private static long[][] table(List<HappeningCounts> counts) {
    Happening[] codes = Happening.values();
    long[][] table = new long[counts.size()][codes.length];
    for (int r = 0; r < counts.size(); r++) {
      for (int c = 0; c < codes.length; c++) {
        table[r][c] = counts.get(r).count(codes[c]);
      }
    }
    return table;
  }
}
