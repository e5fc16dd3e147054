package org.triangulate.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.study.Study;

/**
 * Computes {@link ItemGroupStats} for every item: one overall row, then one row per group present
 * in each of the study's groupings and in {@value ItemGroupStats#CASE}.
 *
 * <p>Rules: an answer counts towards {@code n} when it has a code for A, towards importance when it
 * has one for B. A group has a row for an item when any of its participants answered the item (A or
 * B). A participant without a group in a grouping is left out of that grouping only. Every study
 * item gets an overall row, even unanswered; answers to items the study does not declare are kept
 * (after the declared items, with an empty domain) rather than silently dropped.
 *
 * <p>Stateless apart from the study; thread-safe.
 */
public final class ItemStatistics {

  private final Study study;

  public ItemStatistics(Study study) {
    this.study = study;
  }

  /**
   * @param answers all answers of the study
   * @param groupsByParticipant participant id → grouping → group, including {@value
   *     ItemGroupStats#CASE} → case id
   */
  public List<ItemGroupStats> compute(
      List<Answer> answers, Map<String, Map<String, String>> groupsByParticipant) {
    List<ItemGroupStats> rows = new ArrayList<>();
    answersByItem(study, answers)
        .forEach((itemId, itemAnswers) -> {
          String domain = study.item(itemId).map(Study.Item::domain).orElse("");
          rows.add(row(itemId, domain, ItemGroupStats.ALL, ItemGroupStats.ALL, itemAnswers));
          for (String grouping : Groupings.withCase(study)) {
            Map<String, List<Answer>> byGroup =
                new TreeMap<>(Groupings.groupOrder(study, grouping));
            for (Answer answer : itemAnswers) {
              String group =
                  Groupings.groupOf(groupsByParticipant, answer.participantId(), grouping);
              if (group != null) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(answer);
              }
            }
            byGroup.forEach((group, groupAnswers) ->
                rows.add(row(itemId, domain, grouping, group, groupAnswers)));
          }
        });
    return List.copyOf(rows);
  }

  /** Declared items first, in study order (even with no answers); undeclared ones after, sorted. */
  static Map<String, List<Answer>> answersByItem(Study study, List<Answer> answers) {
    Map<String, List<Answer>> byItem = new LinkedHashMap<>();
    study.items().forEach(item -> byItem.put(item.id(), new ArrayList<>()));
    Map<String, List<Answer>> undeclared = new TreeMap<>();
    for (Answer answer : answers) {
      List<Answer> bucket = byItem.get(answer.itemId());
      (bucket != null
              ? bucket
              : undeclared.computeIfAbsent(answer.itemId(), i -> new ArrayList<>()))
          .add(answer);
    }
    byItem.putAll(undeclared);
    return byItem;
  }

  private ItemGroupStats row(
      String itemId, String domain, String grouping, String group, List<Answer> answers) {
    HappeningCounts counts = HappeningCounts.of(answers.stream().map(Answer::happening).toList());
    ImportanceSummary importance =
        ImportanceSummary.of(answers.stream().map(Answer::importance).toList());
    Interval pctYesCi = ConfidenceIntervals.wilson(counts.yes(), counts.n()).scaled(100);
    boolean belowMinN = counts.n() < study.patterns().minGroupN();
    return new ItemGroupStats(
        itemId, domain, grouping, group, counts, pctYesCi, importance, belowMinN);
  }
}
