package org.triangulate.synthesis;

import java.util.List;
import java.util.Locale;

/**
 * One pattern's section of a pack, ready for the template: the finding, a chart of A answers per
 * group, and one row per group with its numbers beside its quotes. Numbers are formatted here so
 * the template only places text (which it escapes).
 */
public record JointDisplay(
    String patternId,
    String type,
    String title,
    String evidence,
    String groupingLabel,
    List<Row> rows,
    List<ChartBar> chart,
    int chartHeight) {

  public JointDisplay {
    rows = List.copyOf(rows);
    chart = List.copyOf(chart);
  }

  /** A group's numbers and quotes; {@code note} explains a sparse group or a missing quote. */
  public record Row(
      String group,
      int n,
      String pctYes,
      String pctPartly,
      String pctNo,
      String importance,
      boolean sparse,
      List<QuoteView> quotes) {
    public Row {
      quotes = List.copyOf(quotes);
    }
  }

  /** A quote with the label a workshop sees (pseudonym · attributes · case). */
  public record QuoteView(Quote quote, String label) {}

  /** One horizontal stacked bar of the chart: a group's share of each A answer. */
  public record ChartBar(String label, int y, List<BarSegment> segments) {
    public ChartBar {
      segments = List.copyOf(segments);
    }
  }

  /** A part of a bar, in SVG user units, with its answer code as CSS class and a tooltip. */
  public record BarSegment(String x, String width, String answer, String title) {}

  static String percent(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f%%", value);
  }

  static String decimal(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }
}
