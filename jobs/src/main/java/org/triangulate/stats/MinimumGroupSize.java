package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Splits a comparison's groups into those with at least the minimum group n, which the test uses,
 * and those below it, which are left out and named in the note with their n ("excluded with n < 3:
 * bme_specific (n 2)"). Stateless.
 */
final class MinimumGroupSize {

  private MinimumGroupSize() {}

  /**
   * @param kept the summaries of the kept groups, in group order
   * @param keptGroups their names
   * @param notes the exclusion note, or nothing when no group was left out
   */
  record Split<S>(List<S> kept, List<String> keptGroups, List<String> notes) {}

  /**
   * @param summarise what the test needs of a group's answers
   * @param size the n the minimum applies to
   * @param what how that n is called in the note ("n", "importance n")
   */
  static <S> Split<S> split(
      SortedMap<String, List<Answer>> answersByGroup,
      Function<List<Answer>, S> summarise,
      ToIntFunction<S> size,
      int minGroupN,
      String what) {
    List<S> kept = new ArrayList<>();
    List<String> keptGroups = new ArrayList<>();
    StringJoiner excluded =
        new StringJoiner(", ", "excluded with " + what + " < " + minGroupN + ": ", "")
            .setEmptyValue("");
    for (Map.Entry<String, List<Answer>> entry : answersByGroup.entrySet()) {
      S summary = summarise.apply(entry.getValue());
      int n = size.applyAsInt(summary);
      if (n < minGroupN) {
        excluded.add(entry.getKey() + " (" + what + " " + n + ")");
      } else {
        kept.add(summary);
        keptGroups.add(entry.getKey());
      }
    }
    List<String> notes = excluded.length() > 0 ? List.of(excluded.toString()) : List.of();
    return new Split<>(List.copyOf(kept), List.copyOf(keptGroups), notes);
  }
}
