package org.triangulate.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Test data written as answer strings: each character of {@code codes} is one new participant's
 * answer A (Y, partly P, N, dont_know D, not_relevant R, or - for a blank A), all in the given case
 * and groups, each with the same importance (null for blank).
 */
final class AnswerSheet {

  private final List<Answer> answers = new ArrayList<>();
  private final Map<String, Map<String, String>> groups = new LinkedHashMap<>();
  private int participants;

  AnswerSheet add(
      String caseId,
      Map<String, String> groupsOfParticipants,
      String itemId,
      String codes,
      Integer importance) {
    for (char code : codes.toCharArray()) {
      String participant = "p" + ++participants;
      Map<String, String> memberships = new LinkedHashMap<>(groupsOfParticipants);
      memberships.put(ItemGroupStats.CASE, caseId);
      groups.put(participant, memberships);
      answers.add(new Answer(participant, itemId, happening(code), importance));
    }
    return this;
  }

  AnswerSheet add(String caseId, String itemId, String codes, Integer importance) {
    return add(caseId, Map.of(), itemId, codes, importance);
  }

  /** Runs the whole chain: item statistics, group comparisons, pattern detection. */
  List<Pattern> patterns(Study study) {
    List<ItemGroupStats> stats = new ItemStatistics(study).compute(answers, groups);
    return new PatternDetector(study).detect(stats, comparisons(study));
  }

  List<GroupComparison> comparisons(Study study) {
    return new GroupComparisons(study).compare(answers, groups);
  }

  List<ItemGroupStats> stats(Study study) {
    return new ItemStatistics(study).compute(answers, groups);
  }

  private static Happening happening(char code) {
    return switch (code) {
      case 'Y' -> Happening.YES;
      case 'P' -> Happening.PARTLY;
      case 'N' -> Happening.NO;
      case 'D' -> Happening.DONT_KNOW;
      case 'R' -> Happening.NOT_RELEVANT;
      case '-' -> null;
      default -> throw new IllegalArgumentException("not an answer letter: " + code);
    };
  }
}
