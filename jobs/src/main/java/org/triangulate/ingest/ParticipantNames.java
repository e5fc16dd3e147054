package org.triangulate.ingest;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the participant a file or source is named after: the whole name (extension dropped), or the
 * one participant id among its words ({@code P07_interview.docx}, {@code 2025-02-11 P07.txt}), in
 * any letter case. A name with words naming two participants names none. Stateless.
 */
public final class ParticipantNames {

  private ParticipantNames() {}

  public static Optional<String> participantOf(String name, Set<String> participants) {
    String base = name.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "").strip();
    for (String id : participants) {
      if (id.equalsIgnoreCase(base)) {
        return Optional.of(id);
      }
    }
    Set<String> found = new LinkedHashSet<>();
    for (String word : base.split("[^\\p{L}\\p{N}]+")) {
      for (String id : participants) {
        if (!word.isEmpty() && id.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
          found.add(id);
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }
}
