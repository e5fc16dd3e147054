package org.triangulate.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * The study's statistics, comparisons and patterns, computed from the staged answers. Deterministic
 * (the Monte Carlo p-values are seeded), so the stats, patterns and synthesis steps each ask for
 * them from the store rather than pass them along (a restarted step sees the same numbers). The
 * Monte Carlo tables make a computation take a moment, so the last results are kept and handed out
 * again while the staged answers and groups are unchanged. Thread-safe.
 */
@Component
public class StudyStatistics {

  private final JdbcTemplate jdbc;
  private final Study study;

  public StudyStatistics(JdbcTemplate jdbc, Study study) {
    this.jdbc = jdbc;
    this.study = study;
  }

  /** Everything the stats and synthesis steps need, computed together. */
  public record Results(
      List<ItemGroupStats> items, List<GroupComparison> comparisons, List<Pattern> patterns) {}

  private record Computed(
      List<Answer> answers, Map<String, Map<String, String>> groups, Results results) {}

  private volatile Computed last;

  public Results compute() {
    List<Answer> answers = answers();
    Map<String, Map<String, String>> groups = groupsByParticipant();
    Computed previous = last;
    if (previous != null
        && previous.answers().equals(answers)
        && previous.groups().equals(groups)) {
      return previous.results();
    }
    List<ItemGroupStats> items = new ItemStatistics(study).compute(answers, groups);
    List<GroupComparison> comparisons = new GroupComparisons(study).compare(answers, groups);
    List<Pattern> patterns = new PatternDetector(study).detect(items, comparisons);
    Results results = new Results(items, comparisons, patterns);
    last = new Computed(answers, groups, results);
    return results;
  }

  /**
   * The item statistics of each case's own answers (overall row = the whole case, then its groups
   * in every grouping), keyed by case id in case order; for feedback packs, which set a case's
   * numbers beside the study-wide ones.
   */
  public Map<String, List<ItemGroupStats>> itemsByCase() {
    Map<String, Map<String, String>> groups = groupsByParticipant();
    Map<String, List<Answer>> answersByCase = new TreeMap<>();
    for (Answer answer : answers()) {
      Map<String, String> g = groups.get(answer.participantId());
      if (g != null && g.get(ItemGroupStats.CASE) != null) {
        answersByCase
            .computeIfAbsent(g.get(ItemGroupStats.CASE), c -> new ArrayList<>())
            .add(answer);
      }
    }
    ItemStatistics statistics = new ItemStatistics(study);
    Map<String, List<ItemGroupStats>> byCase = new LinkedHashMap<>();
    answersByCase.forEach(
        (caseId, caseAnswers) -> byCase.put(caseId, statistics.compute(caseAnswers, groups)));
    return byCase;
  }

  private List<Answer> answers() {
    return jdbc.query(
        "select participant_id, item_id, happening, importance from response where study = ? order by participant_id, item_id",
        (rs, i) ->
            new Answer(
                rs.getString(1),
                rs.getString(2),
                Happening.ofCode(rs.getString(3)),
                (Integer) rs.getObject(4)),
        study.name());
  }

  /**
   * Every participant's group in each grouping, case attributes inherited from their case, plus the
   * case itself.
   */
  private Map<String, Map<String, String>> groupsByParticipant() {
    Map<String, Map<String, String>> groups = new HashMap<>();
    jdbc.query(
        "select p.participant_id, p.case_id, a.attribute, a.attr_value from participant p "
            + "left join case_attribute a on a.study = p.study and a.case_id = p.case_id where p.study = ?",
        rs -> {
          Map<String, String> g = groups.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
          g.put(ItemGroupStats.CASE, rs.getString(2));
          if (rs.getString(3) != null) {
            g.put(rs.getString(3), rs.getString(4));
          }
        },
        study.name());
    jdbc.query(
        "select participant_id, attribute, attr_value from participant_attribute where study = ?",
        rs -> {
          groups
              .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        study.name());
    return groups;
  }
}
