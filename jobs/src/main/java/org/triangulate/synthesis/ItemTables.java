package org.triangulate.synthesis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.triangulate.stats.Interval;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * The appendix's full item tables: for each item a pack's patterns concern, every row of its
 * statistics (overall, each group of the pack's groupings, each case) with all five answers.
 * Immutable; thread-safe.
 */
final class ItemTables {

  /** One item's table. */
  record ItemTable(String itemId, String text, List<Row> rows) {
    ItemTable {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One row: counts as "n (pct%)" for each answer in {@link Happening} order, then the Wilson 95%
   * interval of % yes, the in-place share and importance n, mean, SD and 95% interval.
   */
  record Row(
      String grouping,
      String group,
      int n,
      List<String> answers,
      String pctYesCi,
      String inPlace,
      int importanceN,
      String importanceMean,
      String importanceSd,
      String importanceCi,
      boolean sparse) {
    Row {
      answers = List.copyOf(answers);
    }
  }

  private final Study study;

  ItemTables(Study study) {
    this.study = study;
  }

  /** Column headings of the answers, in {@link Happening} order. */
  static List<String> answerHeadings() {
    List<String> headings = new ArrayList<>();
    for (Happening answer : Happening.values()) {
      headings.add(ChartLayout.answerLabel(answer));
    }
    return headings;
  }

  List<ItemTable> tables(List<String> itemIds, List<String> groupings, List<ItemGroupStats> stats) {
    Set<String> order = new LinkedHashSet<>(itemIds);
    List<String> shown = new ArrayList<>(groupings);
    shown.add(0, ItemGroupStats.ALL);
    shown.add(ItemGroupStats.CASE);
    List<ItemTable> tables = new ArrayList<>();
    for (String itemId : order) {
      List<Row> rows = new ArrayList<>();
      for (String grouping : shown) {
        stats.stream()
            .filter(s -> s.itemId().equals(itemId) && s.grouping().equals(grouping))
            .forEach(s -> rows.add(row(s)));
      }
      tables.add(
          new ItemTable(itemId, study.item(itemId).map(Study.Item::text).orElse(itemId), rows));
    }
    return tables;
  }

  private Row row(ItemGroupStats s) {
    List<String> answers = new ArrayList<>();
    for (Happening answer : Happening.values()) {
      answers.add(s.counts().count(answer) + " (" + JointDisplay.percent(s.pct(answer)) + ")");
    }
    var importance = s.importance();
    return new Row(
        groupingLabel(s.grouping()),
        groupLabel(s.grouping(), s.group()),
        s.n(),
        answers,
        interval(s.pctYesCi(), "%.0f"),
        Double.isNaN(s.inPlaceShare())
            ? "–"
            : String.format(Locale.ROOT, "%.0f%%", 100 * s.inPlaceShare()),
        importance.n(),
        JointDisplay.decimal(importance.mean()),
        JointDisplay.decimal(importance.sd()),
        interval(importance.meanCi(), "%.1f"),
        s.belowMinN());
  }

  private String groupingLabel(String grouping) {
    return switch (grouping) {
      case ItemGroupStats.ALL -> "All";
      case ItemGroupStats.CASE -> "Case";
      default -> study.groupingLabel(grouping);
    };
  }

  private String groupLabel(String grouping, String group) {
    return switch (grouping) {
      case ItemGroupStats.ALL -> "all answers";
      case ItemGroupStats.CASE -> group;
      default -> study.groupLabel(grouping, group);
    };
  }

  private static String interval(Interval interval, String format) {
    if (!interval.isDefined()) {
      return "–";
    }
    return String.format(Locale.ROOT, format, interval.low())
        + "–"
        + String.format(Locale.ROOT, format, interval.high());
  }
}
