package org.triangulate.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.Pattern;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Builds a pattern's {@link JointDisplay}: the item's statistics for each group of the pattern's
 * grouping (cases for replicated patterns), each beside quotes found for that group.
 */
public class JointDisplayBuilder {

  static final int BAR_WIDTH = 400;
  static final int BAR_HEIGHT = 18;
  static final int BAR_GAP = 8;
  static final int LABEL_WIDTH = 180;

  private final Study study;
  private final QuoteFinder quotes;

  public JointDisplayBuilder(Study study, QuoteFinder quotes) {
    this.study = study;
    this.quotes = quotes;
  }

  public JointDisplay build(Pattern pattern, List<ItemGroupStats> allStats) {
    Study.Item item = study.item(pattern.itemId()).orElseThrow();
    List<ItemGroupStats> groups =
        allStats.stream()
            .filter(s -> s.itemId().equals(item.id()) && s.grouping().equals(pattern.grouping()))
            .toList();
    Set<String> quotedParticipants = new HashSet<>();
    List<JointDisplay.Row> rows = new ArrayList<>();
    List<JointDisplay.ChartBar> bars = new ArrayList<>();
    for (ItemGroupStats stats : groups) {
      String label = groupLabel(pattern.grouping(), stats.group());
      List<JointDisplay.QuoteView> found =
          quotes
              .find(
                  pattern.categories(),
                  item.text(),
                  pattern.grouping(),
                  stats.group(),
                  quotedParticipants)
              .stream()
              .map(q -> new JointDisplay.QuoteView(q, quoteLabel(q)))
              .toList();
      rows.add(
          new JointDisplay.Row(
              label,
              stats.n(),
              JointDisplay.percent(stats.pct(Happening.YES)),
              JointDisplay.percent(stats.pct(Happening.PARTLY)),
              JointDisplay.percent(stats.pct(Happening.NO)),
              importance(stats),
              stats.belowMinN(),
              found));
      bars.add(bar(label, bars.size(), stats));
    }
    String groupingLabel =
        ItemGroupStats.CASE.equals(pattern.grouping())
            ? "Case"
            : study.groupingLabel(pattern.grouping());
    return new JointDisplay(
        pattern.id(),
        pattern.type(),
        item.text(),
        pattern.evidence(),
        groupingLabel,
        rows,
        bars,
        bars.size() * (BAR_HEIGHT + BAR_GAP) + BAR_GAP);
  }

  private String groupLabel(String grouping, String group) {
    return ItemGroupStats.CASE.equals(grouping) ? group : study.groupLabel(grouping, group);
  }

  /** Pseudonym, then the participant's and case's attributes as labels, then the case id. */
  private String quoteLabel(Quote quote) {
    String attributes =
        study.participantAttributes().stream()
            .map(a -> study.groupLabel(a.id(), quote.attributes().getOrDefault(a.id(), "")))
            .collect(Collectors.joining(" · "));
    return quote.participantId()
        + (attributes.isEmpty() ? "" : " · " + attributes)
        + " · "
        + quote.caseId();
  }

  private static String importance(ItemGroupStats stats) {
    if (stats.importance().n() == 0) {
      return "–";
    }
    return JointDisplay.decimal(stats.importance().mean()) + " (n=" + stats.importance().n() + ")";
  }

  private static JointDisplay.ChartBar bar(String label, int index, ItemGroupStats stats) {
    List<JointDisplay.BarSegment> segments = new ArrayList<>();
    double x = LABEL_WIDTH;
    for (Happening answer : Happening.values()) {
      double pct = stats.n() == 0 ? 0 : stats.pct(answer);
      double width = BAR_WIDTH * pct / 100.0;
      if (width > 0) {
        segments.add(
            new JointDisplay.BarSegment(
                fmt(x),
                fmt(width),
                answer.code(),
                answer.code().replace('_', ' ') + ": " + JointDisplay.percent(pct)));
      }
      x += width;
    }
    return new JointDisplay.ChartBar(label, BAR_GAP + index * (BAR_HEIGHT + BAR_GAP), segments);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
