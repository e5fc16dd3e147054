package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.triangulate.study.Study;

/**
 * Runs each {@link GroupDifferenceMethod} for every item × grouping of the study (its declared
 * groupings; cases are not a comparison grouping), then adjusts the p-values of each test across
 * the items of each grouping by Benjamini–Hochberg. Items are ordered as in {@link ItemStatistics}.
 * Stateless apart from its configuration; thread-safe.
 */
public final class GroupComparisons {

  private final Study study;
  private final List<GroupDifferenceMethod> tests;

  /**
   * Compares answer A by {@link HappeningComparison} and answer B by {@link ImportanceComparison},
   * as the study's {@code patterns:} section configures them.
   */
  public GroupComparisons(Study study) {
    this(
        study,
        List.of(
            HappeningComparison.of(study.patterns()),
            new ImportanceComparison(study.patterns().minGroupN())));
  }

  public GroupComparisons(Study study, List<GroupDifferenceMethod> tests) {
    this.study = study;
    this.tests = List.copyOf(tests);
  }

  /**
   * @param groupsByParticipant participant id → grouping → group; participants without a group in a
   *     grouping are left out of that grouping's comparisons
   * @return one row per grouping × test × item, grouped in that order
   */
  public List<GroupComparison> compare(
      List<Answer> answers, Map<String, Map<String, String>> groupsByParticipant) {
    Map<String, List<Answer>> byItem = ItemStatistics.answersByItem(study, answers);
    List<GroupComparison> rows = new ArrayList<>();
    for (String grouping : study.groupings()) {
      if (ItemGroupStats.CASE.equals(grouping)) {
        continue;
      }
      for (GroupDifferenceMethod test : tests) {
        // Items in parallel (each comparison draws from its own generator, so the order of
        // computing changes nothing); the family keeps the items' order.
        List<GroupComparison> family =
            byItem.entrySet().parallelStream()
                .map(item ->
                    test.compare(
                        item.getKey(),
                        grouping,
                        byGroup(grouping, item.getValue(), groupsByParticipant)))
                .toList();
        rows.addAll(adjusted(family));
      }
    }
    return List.copyOf(rows);
  }

  private SortedMap<String, List<Answer>> byGroup(
      String grouping,
      List<Answer> itemAnswers,
      Map<String, Map<String, String>> groupsByParticipant) {
    SortedMap<String, List<Answer>> byGroup = new TreeMap<>(Groupings.groupOrder(study, grouping));
    for (Answer answer : itemAnswers) {
      String group = Groupings.groupOf(groupsByParticipant, answer.participantId(), grouping);
      if (group != null) {
        byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(answer);
      }
    }
    return byGroup;
  }

  /**
   * Benjamini–Hochberg across the items of one grouping for one test, on each row's {@link
   * GroupComparison#pForAdjustment()}; skipped tests stay NaN and do not count.
   */
  private static List<GroupComparison> adjusted(List<GroupComparison> family) {
    double[] p = family.stream().mapToDouble(GroupComparison::pForAdjustment).toArray();
    double[] q = BenjaminiHochberg.adjust(p);
    List<GroupComparison> out = new ArrayList<>(family.size());
    for (int i = 0; i < family.size(); i++) {
      out.add(family.get(i).withPAdjusted(q[i]));
    }
    return out;
  }
}
