package org.triangulate.synthesis;

import java.util.List;
import java.util.Locale;

/**
 * One pattern's section of a pack, ready for the template: the finding in a sentence, two charts
 * (answers A per row, mean importance with its 95% interval per row) and one row per group with its
 * numbers beside its quotes. Numbers and chart coordinates are formatted here so the template only
 * places text, which it escapes. Immutable.
 *
 * @param finding the pattern in one plain sentence, generated from the numbers
 * @param evidence the pattern detector's line with the test statistics
 * @param grouping the id of the grouping whose groups are the rows ({@code case} for cases)
 * @param scopeLabel in a feedback pack, the case the rows describe (else null)
 */
public record JointDisplay(
    String patternId,
    String itemId,
    String type,
    String typeLabel,
    String title,
    String finding,
    String evidence,
    String grouping,
    String groupingLabel,
    String scopeLabel,
    List<Row> rows,
    Charts charts) {

  public JointDisplay {
    rows = List.copyOf(rows);
  }

  /** Participants quoted in this section, each once. */
  public long quotedParticipants() {
    return rows.stream()
        .flatMap(r -> r.quotes().stream())
        .map(q -> q.quote().participantId())
        .distinct()
        .count();
  }

  /**
   * A group's numbers and quotes.
   *
   * @param sparse fewer answers than the study's minimum group n: shown, but read with care
   * @param studyWide in a feedback pack, the same group over all cases (else null)
   */
  public record Row(
      String groupId,
      String group,
      Numbers numbers,
      boolean sparse,
      List<QuoteView> quotes,
      Numbers studyWide) {
    public Row {
      quotes = List.copyOf(quotes);
    }
  }

  /** A row's figures as shown: n, % of each of the main answers, mean importance (n). */
  public record Numbers(int n, String pctYes, String pctPartly, String pctNo, String importance) {}

  /**
   * A quote with the label a workshop sees (pseudonym · participant attributes · case) and its
   * speaker's own answer to the row's item ("answered: no · importance 4").
   */
  public record QuoteView(Quote quote, String label, String answered) {}

  /**
   * A section's chart in SVG user units: a header line, one line per row (label, stacked bar of
   * answers A from {@code barX}, importance from {@code importanceX}), the importance axis below.
   */
  public record Charts(
      int width,
      int height,
      int barX,
      int importanceX,
      int headerHeight,
      int rowsBottom,
      List<ChartBar> bars,
      List<ImportanceMark> importance,
      List<Tick> importanceTicks) {
    public Charts {
      bars = List.copyOf(bars);
      importance = List.copyOf(importance);
      importanceTicks = List.copyOf(importanceTicks);
    }
  }

  /** One horizontal stacked bar: a row's share of each answer A. */
  public record ChartBar(String label, int y, int textY, List<BarSegment> segments) {
    public ChartBar {
      segments = List.copyOf(segments);
    }
  }

  /** A part of a bar with its fill colour, its percentage written inside when wide enough. */
  public record BarSegment(
      String x,
      String width,
      String fill,
      String textFill,
      String textX,
      String text,
      String title) {}

  /**
   * A row's mean importance as a dot with its 95% interval as a line; {@code hasMean} false when
   * the row has no ratings (the label says so).
   */
  public record ImportanceMark(
      String label,
      int y,
      int textY,
      boolean hasMean,
      boolean hasInterval,
      String x,
      String low,
      String high,
      String valueX,
      String value) {}

  /** A tick of the importance scale. */
  public record Tick(String x, String label) {}

  static String percent(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f%%", value);
  }

  static String decimal(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
