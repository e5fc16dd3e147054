package org.triangulate.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.study.Happening;

/**
 * Writes {@value #ITEMS}.csv/.json (one row per {@link ItemGroupStats}) and {@value
 * #COMPARISONS}.csv/.json (one row per {@link GroupComparison}) into a directory; see {@link
 * StatsTable} for how cells are written. Percentages are 0..100 of all answers to the item; shares
 * are 0..1. The columns the product brief lists come first, in its order; columns beyond it follow.
 * Immutable; thread-safe.
 */
public final class StatsWriter {

  public static final String ITEMS = "items";
  public static final String COMPARISONS = "comparisons";

  static final List<String> ITEMS_HEADER =
      List.of(
          "item_id",
          "domain",
          "grouping",
          "group",
          "n",
          "n_yes",
          "n_partly",
          "n_no",
          "n_dont_know",
          "n_not_relevant",
          "pct_yes",
          "pct_partly",
          "pct_no",
          "pct_dont_know",
          "pct_not_relevant",
          "pct_yes_ci_low",
          "pct_yes_ci_high",
          "in_place_share",
          "importance_n",
          "importance_mean",
          "importance_sd",
          "importance_ci_low",
          "importance_ci_high",
          // beyond the brief's list
          "in_place_or_partly_share",
          "importance_median",
          "note");

  static final List<String> COMPARISONS_HEADER =
      List.of(
          "item_id",
          "grouping",
          "test",
          "statistic",
          "df",
          "p_value",
          "p_monte_carlo",
          "p_adjusted",
          "effect_size",
          "effect_measure",
          "note",
          // beyond the brief's list
          "groups");

  private final int minGroupN;

  /**
   * @param minGroupN the study's minimum group n, named in the note of rows below it
   */
  public StatsWriter(int minGroupN) {
    this.minGroupN = minGroupN;
  }

  /** Writes {@value #ITEMS}.csv and .json into {@code directory}, replacing them. */
  public void writeItems(Path directory, List<ItemGroupStats> rows) throws IOException {
    new StatsTable(ITEMS, ITEMS_HEADER, rows.stream().map(this::itemCells).toList())
        .write(directory);
  }

  /** Writes {@value #COMPARISONS}.csv and .json into {@code directory}, replacing them. */
  public void writeComparisons(Path directory, List<GroupComparison> rows) throws IOException {
    new StatsTable(
            COMPARISONS,
            COMPARISONS_HEADER,
            rows.stream().map(StatsWriter::comparisonCells).toList())
        .write(directory);
  }

  private List<Object> itemCells(ItemGroupStats row) {
    List<Object> cells = new ArrayList<>(ITEMS_HEADER.size());
    cells.add(row.itemId());
    cells.add(row.domain());
    cells.add(row.grouping());
    cells.add(row.group());
    cells.add(row.n());
    for (Happening h : Happening.values()) {
      cells.add(row.counts().count(h));
    }
    for (Happening h : Happening.values()) {
      cells.add(row.pct(h));
    }
    cells.add(row.pctYesCi().low());
    cells.add(row.pctYesCi().high());
    cells.add(row.inPlaceShare());
    ImportanceSummary importance = row.importance();
    cells.add(importance.n());
    cells.add(importance.mean());
    cells.add(importance.sd());
    cells.add(importance.meanCi().low());
    cells.add(importance.meanCi().high());
    cells.add(row.inPlaceOrPartlyShare());
    cells.add(importance.median());
    cells.add(note(row));
    return cells;
  }

  /** Why a row is left out of what, so sparse groups are reported rather than silently dropped. */
  private String note(ItemGroupStats row) {
    List<String> notes = new ArrayList<>(2);
    if (row.belowMinN()) {
      notes.add(
          "n "
              + row.n()
              + " < min-group-n "
              + minGroupN
              + ": excluded from the answer-A test and pattern calls");
    }
    if (row.importance().n() < minGroupN) {
      notes.add(
          "importance n "
              + row.importance().n()
              + " < min-group-n "
              + minGroupN
              + ": excluded from the importance test and pattern calls");
    }
    return String.join("; ", notes);
  }

  private static List<Object> comparisonCells(GroupComparison c) {
    List<Object> cells = new ArrayList<>(COMPARISONS_HEADER.size());
    cells.add(c.itemId());
    cells.add(c.grouping());
    cells.add(c.test());
    cells.add(c.statistic());
    cells.add(c.degreesOfFreedom());
    cells.add(c.pValue());
    cells.add(c.pMonteCarlo());
    cells.add(c.pAdjusted());
    cells.add(c.effectSize());
    cells.add(c.effectMeasure());
    cells.add(c.note());
    cells.add(c.groups());
    return cells;
  }
}
