package org.triangulate.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.triangulate.language.PassageLanguages;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.Pattern;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Builds a pattern's {@link JointDisplay}: the item's statistics for each group of the pattern's
 * grouping (cases for replicated patterns and importance gaps), each beside quotes found for that
 * group. In a feedback pack the rows are one case's own numbers, each beside the same group's
 * study-wide numbers, with quotes from that case only. Thread-safe.
 */
public class JointDisplayBuilder {

  private final Study study;
  private final QuoteFinder quotes;
  private final Findings findings;
  private final ChartLayout charts;

  public JointDisplayBuilder(Study study, QuoteFinder quotes) {
    this.study = study;
    this.quotes = quotes;
    this.findings = new Findings(study);
    this.charts = new ChartLayout(study.importance());
  }

  /** One case's numbers for a feedback pack: its id and the statistics of its own answers. */
  public record CaseScope(String caseId, List<ItemGroupStats> stats) {
    public CaseScope {
      stats = List.copyOf(stats);
    }
  }

  /** The study-wide joint display (workshop packs). */
  public JointDisplay build(Pattern pattern, List<ItemGroupStats> allStats) {
    return build(pattern, allStats, null);
  }

  /**
   * @param scope the case of a feedback pack, or null for the study-wide display
   */
  public JointDisplay build(Pattern pattern, List<ItemGroupStats> allStats, CaseScope scope) {
    Study.Item item = study.item(pattern.itemId()).orElseThrow();
    List<ItemGroupStats> studyRows = rowsOf(allStats, item.id(), pattern.grouping());
    QuoteFinder.Section section = new QuoteFinder.Section();
    List<JointDisplay.Row> rows = new ArrayList<>();
    List<ChartLayout.Entry> entries = new ArrayList<>();
    String caseId = scope == null ? null : scope.caseId();
    for (ItemGroupStats stats : scope == null ? studyRows : caseRows(pattern, item, scope)) {
      String label = groupLabel(pattern.grouping(), stats.group());
      List<JointDisplay.QuoteView> found =
          quotes.find(item.id(), stats, pattern.grouping(), stats.group(), caseId, section).stream()
              .map(q -> new JointDisplay.QuoteView(q, quoteLabel(q), answered(q)))
              .toList();
      ItemGroupStats studyWide = scope == null ? null : studyWide(allStats, item, pattern, stats);
      rows.add(
          new JointDisplay.Row(
              stats.group(),
              label,
              numbers(stats),
              stats.belowMinN(),
              found,
              studyWide == null ? null : numbers(studyWide)));
      entries.add(
          new ChartLayout.Entry(
              scope == null || ItemGroupStats.CASE.equals(pattern.grouping())
                  ? label
                  : label + ", " + caseId,
              stats));
      if (studyWide != null) {
        entries.add(
            new ChartLayout.Entry(
                ItemGroupStats.CASE.equals(pattern.grouping())
                    ? "All cases"
                    : label + ", all cases",
                studyWide));
      }
    }
    String finding =
        findings.sentence(
            pattern, overall(allStats, item.id()), groupsOfPattern(pattern, studyRows));
    if (scope != null) {
      finding += caseSentence(scope, item.id());
    }
    return new JointDisplay(
        pattern.id(),
        item.id(),
        pattern.type(),
        findings.typeLabel(pattern),
        item.text(),
        finding,
        pattern.evidence(),
        pattern.grouping(),
        ItemGroupStats.CASE.equals(pattern.grouping())
            ? "Case"
            : study.groupingLabel(pattern.grouping()),
        caseId,
        rows,
        charts.layout(entries));
  }

  private static List<ItemGroupStats> rowsOf(
      List<ItemGroupStats> stats, String itemId, String grouping) {
    return stats.stream()
        .filter(s -> s.itemId().equals(itemId) && s.grouping().equals(grouping))
        .toList();
  }

  private static ItemGroupStats overall(List<ItemGroupStats> stats, String itemId) {
    return rowsOf(stats, itemId, ItemGroupStats.ALL).stream().findFirst().orElseThrow();
  }

  /** A feedback pack's rows: the whole case for case-level patterns, else its groups. */
  private static List<ItemGroupStats> caseRows(Pattern pattern, Study.Item item, CaseScope scope) {
    if (ItemGroupStats.CASE.equals(pattern.grouping())) {
      return rowsOf(scope.stats(), item.id(), ItemGroupStats.CASE).stream()
          .filter(s -> s.group().equals(scope.caseId()))
          .toList();
    }
    return rowsOf(scope.stats(), item.id(), pattern.grouping());
  }

  private static ItemGroupStats studyWide(
      List<ItemGroupStats> allStats, Study.Item item, Pattern pattern, ItemGroupStats caseRow) {
    if (ItemGroupStats.CASE.equals(pattern.grouping())) {
      return overall(allStats, item.id());
    }
    Optional<ItemGroupStats> same =
        rowsOf(allStats, item.id(), pattern.grouping()).stream()
            .filter(s -> s.group().equals(caseRow.group()))
            .findFirst();
    return same.orElse(null);
  }

  private static List<ItemGroupStats> groupsOfPattern(Pattern pattern, List<ItemGroupStats> rows) {
    return rows.stream().filter(r -> pattern.groups().contains(r.group())).toList();
  }

  private String caseSentence(CaseScope scope, String itemId) {
    ItemGroupStats own =
        rowsOf(scope.stats(), itemId, ItemGroupStats.ALL).stream().findFirst().orElse(null);
    if (own == null) {
      return " Nobody in case " + scope.caseId() + " answered this item.";
    }
    String text =
        " In case "
            + scope.caseId()
            + ": "
            + JointDisplay.percent(own.pct(Happening.YES))
            + " yes (n "
            + own.n()
            + ")";
    if (own.importance().n() > 0) {
      text += ", mean importance " + JointDisplay.decimal(own.importance().mean());
    }
    return text + ".";
  }

  private String groupLabel(String grouping, String group) {
    return ItemGroupStats.CASE.equals(grouping) ? group : study.groupLabel(grouping, group);
  }

  /** Pseudonym, then the participant's attributes as labels, then the case id. */
  private String quoteLabel(Quote quote) {
    String attributes =
        study.participantAttributes().stream()
            .map(a -> study.groupLabel(a.id(), quote.attributes().getOrDefault(a.id(), "")))
            .filter(label -> !label.isEmpty())
            .collect(Collectors.joining(" · "));
    return quote.participantId()
        + (attributes.isEmpty() ? "" : " · " + attributes)
        + " · "
        + quote.caseId()
        + (quote.language().equals(study.languages().defaultLanguage())
            ? ""
            : " · in " + PassageLanguages.name(quote.language()) + ", as spoken");
  }

  /** The speaker's own answer to the item, as the quote shows it. */
  static String answered(Quote quote) {
    if (quote.speakerAnswer() == null) {
      return "no answer to this item";
    }
    String answer =
        switch (Happening.ofCode(quote.speakerAnswer())) {
          case YES -> "yes";
          case PARTLY -> "partly";
          case NO -> "no";
          case DONT_KNOW -> "don't know";
          case NOT_RELEVANT -> "not relevant";
        };
    return "answered: "
        + answer
        + (quote.speakerImportance() == null ? "" : " · importance " + quote.speakerImportance());
  }

  private static JointDisplay.Numbers numbers(ItemGroupStats stats) {
    return new JointDisplay.Numbers(
        stats.n(),
        JointDisplay.percent(stats.pct(Happening.YES)),
        JointDisplay.percent(stats.pct(Happening.PARTLY)),
        JointDisplay.percent(stats.pct(Happening.NO)),
        importance(stats));
  }

  private static String importance(ItemGroupStats stats) {
    if (stats.importance().n() == 0) {
      return "–";
    }
    return JointDisplay.decimal(stats.importance().mean()) + " (n " + stats.importance().n() + ")";
  }
}
