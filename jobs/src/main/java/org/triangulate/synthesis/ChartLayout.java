package org.triangulate.synthesis;

import static org.triangulate.synthesis.JointDisplay.coordinate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Lays out a section's chart as SVG coordinates: per row a stacked bar of answers A and, to its
 * right, the mean importance with its 95% interval on the study's importance scale. Colours are set
 * on the shapes themselves (not by CSS classes), because the PDF renderer draws inline SVG without
 * the page's style sheet. Immutable; thread-safe.
 */
final class ChartLayout {

  static final int WIDTH = 800;
  static final int LABEL_WIDTH = 190;
  static final int BAR_WIDTH = 330;
  static final int IMPORTANCE_X = LABEL_WIDTH + BAR_WIDTH + 30;
  static final int IMPORTANCE_WIDTH = 150;
  static final int HEADER_HEIGHT = 22;
  static final int BAR_HEIGHT = 18;
  static final int GAP = 7;
  static final int AXIS_HEIGHT = 18;

  /** Answer colours: greens for in place, red for not, greys for the rest (colour-blind safe). */
  static final Map<Happening, String> FILL =
      Map.of(
          Happening.YES, "#1b7837",
          Happening.PARTLY, "#a6dba0",
          Happening.NO, "#b2182b",
          Happening.DONT_KNOW, "#9e9e9e",
          Happening.NOT_RELEVANT, "#d9d0c7");

  private static final Map<Happening, String> TEXT_FILL =
      Map.of(
          Happening.YES, "#ffffff",
          Happening.PARTLY, "#111111",
          Happening.NO, "#ffffff",
          Happening.DONT_KNOW, "#111111",
          Happening.NOT_RELEVANT, "#111111");

  /** Smallest segment (SVG units) that has room for its percentage. */
  private static final double LABELLED_SEGMENT = 26;

  private final Study.ImportanceScale scale;

  ChartLayout(Study.ImportanceScale scale) {
    this.scale = scale;
  }

  /** A labelled row of both charts. */
  record Entry(String label, ItemGroupStats stats) {}

  /**
   * One chart per section, one line per entry: the label, the stacked bar of answers A, then the
   * mean importance with its interval, so both read across from the same label.
   */
  JointDisplay.Charts layout(List<Entry> entries) {
    List<JointDisplay.ChartBar> bars = new ArrayList<>();
    List<JointDisplay.ImportanceMark> marks = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      int y = HEADER_HEIGHT + GAP + i * (BAR_HEIGHT + GAP);
      bars.add(bar(entries.get(i), y));
      marks.add(mark(entries.get(i), y));
    }
    int rowsBottom = HEADER_HEIGHT + GAP + entries.size() * (BAR_HEIGHT + GAP);
    return new JointDisplay.Charts(
        WIDTH,
        rowsBottom + AXIS_HEIGHT,
        LABEL_WIDTH,
        IMPORTANCE_X,
        HEADER_HEIGHT,
        rowsBottom,
        bars,
        marks,
        ticks());
  }

  private static JointDisplay.ChartBar bar(Entry entry, int y) {
    List<JointDisplay.BarSegment> segments = new ArrayList<>();
    double x = LABEL_WIDTH;
    ItemGroupStats stats = entry.stats();
    for (Happening answer : Happening.values()) {
      double pct = stats.n() == 0 ? 0 : stats.pct(answer);
      double width = BAR_WIDTH * pct / 100.0;
      if (width > 0) {
        String label = JointDisplay.percent(pct);
        segments.add(
            new JointDisplay.BarSegment(
                coordinate(x),
                coordinate(width),
                FILL.get(answer),
                TEXT_FILL.get(answer),
                coordinate(x + width / 2),
                width >= LABELLED_SEGMENT ? label : "",
                answerLabel(answer) + ": " + label));
      }
      x += width;
    }
    return new JointDisplay.ChartBar(entry.label(), y, y + 13, segments);
  }

  private JointDisplay.ImportanceMark mark(Entry entry, int y) {
    var importance = entry.stats().importance();
    boolean hasMean = importance.n() > 0;
    boolean hasInterval = importance.meanCi().isDefined();
    return new JointDisplay.ImportanceMark(
        entry.label(),
        y,
        y + 13,
        hasMean,
        hasInterval,
        hasMean ? coordinate(position(importance.mean())) : "0",
        hasInterval ? coordinate(position(importance.meanCi().low())) : "0",
        hasInterval ? coordinate(position(importance.meanCi().high())) : "0",
        coordinate(IMPORTANCE_X + IMPORTANCE_WIDTH + 6),
        hasMean
            ? JointDisplay.decimal(importance.mean())
                + (hasInterval
                    ? " ("
                        + JointDisplay.decimal(importance.meanCi().low())
                        + "–"
                        + JointDisplay.decimal(importance.meanCi().high())
                        + ")"
                    : "")
            : "no ratings");
  }

  private List<JointDisplay.Tick> ticks() {
    List<JointDisplay.Tick> ticks = new ArrayList<>();
    for (int v = scale.min(); v <= scale.max(); v++) {
      ticks.add(new JointDisplay.Tick(coordinate(position(v)), Integer.toString(v)));
    }
    return ticks;
  }

  /** An importance value's x, clamped to the scale (an interval may reach past its ends). */
  private double position(double value) {
    double clamped = Math.max(scale.min(), Math.min(scale.max(), value));
    return IMPORTANCE_X + IMPORTANCE_WIDTH * (clamped - scale.min()) / (scale.max() - scale.min());
  }

  static String answerLabel(Happening answer) {
    return answer.code().replace("dont_know", "don't know").replace('_', ' ');
  }
}
