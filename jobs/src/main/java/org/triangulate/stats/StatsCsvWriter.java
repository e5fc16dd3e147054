package org.triangulate.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.study.Happening;

/**
 * Writes {@value #ITEMS_FILE} (one row per {@link ItemGroupStats}) and {@value #COMPARISONS_FILE}
 * (one row per {@link GroupComparison}) into a directory. Numbers are written in full (shortest
 * text that reads back as the same double), undefined ones as empty cells; percentages are 0..100,
 * the in-place share 0..1. Immutable; thread-safe.
 */
public final class StatsCsvWriter {

  public static final String ITEMS_FILE = "items.csv";
  public static final String COMPARISONS_FILE = "comparisons.csv";

  static final String[] ITEMS_HEADER = {
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
    "note"
  };

  static final String[] COMPARISONS_HEADER = {
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
    "note"
  };

  private static final CSVFormat ITEMS = format(ITEMS_HEADER);
  private static final CSVFormat COMPARISONS = format(COMPARISONS_HEADER);

  private final int minGroupN;

  /**
   * @param minGroupN the study's minimum group n, named in the note of rows below it
   */
  public StatsCsvWriter(int minGroupN) {
    this.minGroupN = minGroupN;
  }

  /** Writes {@value #ITEMS_FILE} into {@code directory}, replacing it; returns its path. */
  public Path writeItems(Path directory, List<ItemGroupStats> rows) throws IOException {
    return StatsFiles.write(
        directory.resolve(ITEMS_FILE),
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, ITEMS)) {
            for (ItemGroupStats row : rows) {
              printer.printRecord(itemRecord(row));
            }
          }
        });
  }

  /** Writes {@value #COMPARISONS_FILE} into {@code directory}, replacing it; returns its path. */
  public Path writeComparisons(Path directory, List<GroupComparison> rows) throws IOException {
    return StatsFiles.write(
        directory.resolve(COMPARISONS_FILE),
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, COMPARISONS)) {
            for (GroupComparison c : rows) {
              printer.printRecord(
                  c.itemId(),
                  c.grouping(),
                  c.test(),
                  Cells.number(c.statistic()),
                  Cells.number(c.degreesOfFreedom()),
                  Cells.number(c.pValue()),
                  Cells.number(c.pMonteCarlo()),
                  Cells.number(c.pAdjusted()),
                  Cells.number(c.effectSize()),
                  c.effectMeasure(),
                  Cells.text(c.note()));
            }
          }
        });
  }

  private List<String> itemRecord(ItemGroupStats row) {
    List<String> cells = new ArrayList<>(ITEMS_HEADER.length);
    cells.add(row.itemId());
    cells.add(row.domain());
    cells.add(row.grouping());
    cells.add(row.group());
    cells.add(Integer.toString(row.n()));
    for (Happening h : Happening.values()) {
      cells.add(Integer.toString(row.counts().count(h)));
    }
    for (Happening h : Happening.values()) {
      cells.add(Cells.number(row.pct(h)));
    }
    cells.add(Cells.number(row.pctYesCi().low()));
    cells.add(Cells.number(row.pctYesCi().high()));
    cells.add(Cells.number(row.inPlaceShare()));
    ImportanceSummary importance = row.importance();
    cells.add(Integer.toString(importance.n()));
    cells.add(Cells.number(importance.mean()));
    cells.add(Cells.number(importance.sd()));
    cells.add(Cells.number(importance.meanCi().low()));
    cells.add(Cells.number(importance.meanCi().high()));
    cells.add(row.belowMinN() ? "n below minimum group n " + minGroupN : "");
    return cells;
  }

  private static CSVFormat format(String[] header) {
    return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
  }
}
