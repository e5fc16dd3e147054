package org.triangulate.agreement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the coders of a study did with its participant segments: every segment (by id, with its
 * participant and length in characters) and every coder with the segments it saw and the categories
 * it gave each. A coder that saw a segment and gave it no category coded it "not this category":
 * that is how uncoded text enters the agreement. Immutable.
 *
 * @param segments segment id to segment, in a stable order
 * @param coders coders by name
 */
public record CodedSegments(Map<String, Unit> segments, List<Coder> coders) {

  public CodedSegments {
    segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
    coders = List.copyOf(coders);
  }

  /** A participant segment: the unit every coder decides on. */
  public record Unit(String segmentId, String participantId, int chars) {}

  /**
   * A coder: its name as the outputs show it ({@code rules}, {@code imported:<tool>}, ...), the ids
   * of the segments it saw, and the categories it gave each segment (none for a segment it saw and
   * left uncoded).
   */
  public record Coder(String name, Set<String> seen, Map<String, Set<String>> categories) {

    public Coder {
      seen = Set.copyOf(seen);
      categories = Map.copyOf(categories);
    }

    boolean coded(String segmentId, String category) {
      return categories.getOrDefault(segmentId, Set.of()).contains(category);
    }
  }
}
