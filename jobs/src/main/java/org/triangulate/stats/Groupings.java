package org.triangulate.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.triangulate.study.Study;

/** The groupings statistics are computed for, and the order groups are listed in. */
final class Groupings {

  private Groupings() {}

  /** The study's groupings followed by the {@value ItemGroupStats#CASE} pseudo-grouping. */
  static List<String> withCase(Study study) {
    List<String> groupings = new ArrayList<>(study.groupings());
    groupings.remove(ItemGroupStats.CASE);
    groupings.add(ItemGroupStats.CASE);
    return List.copyOf(groupings);
  }

  /** Groups in the order the study declares their values, undeclared ones after, alphabetically. */
  static Comparator<String> groupOrder(Study study, String grouping) {
    List<String> declared =
        study.attribute(grouping).map(a -> List.copyOf(a.values().keySet())).orElse(List.of());
    return Comparator.<String>comparingInt(
            g -> declared.contains(g) ? declared.indexOf(g) : Integer.MAX_VALUE)
        .thenComparing(Comparator.naturalOrder());
  }

  /** The participant's group in a grouping, or null when the participant has none. */
  static String groupOf(
      Map<String, Map<String, String>> groupsByParticipant, String participantId, String grouping) {
    Map<String, String> groups = groupsByParticipant.get(participantId);
    return groups == null ? null : groups.get(grouping);
  }
}
