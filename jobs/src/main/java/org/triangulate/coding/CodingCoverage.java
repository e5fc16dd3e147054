package org.triangulate.coding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a night's coding reaches: for every category, the participant segments coded to it in
 * total, per case and per group of each grouping; the categories no segment carries; and the
 * participant segments that carry no category, with the same breakdowns. Counts are of distinct
 * segments (a segment coded to a category by a rule and an import counts once). Immutable.
 *
 * @param dimensions "case", then each grouping of the study, in order
 * @param totals participant segments per dimension and group (the denominators)
 */
public record CodingCoverage(
    String study,
    long runId,
    int segments,
    int codedSegments,
    List<String> dimensions,
    Map<String, Map<String, Integer>> totals,
    List<CategoryCoverage> categories,
    List<String> emptyCategories,
    Uncoded uncoded) {

  public static final String CASE = "case";

  /** A category's segments: in total and per dimension and group. */
  public record CategoryCoverage(
      String category, String theme, int segments, Map<String, Map<String, Integer>> byGroup) {}

  /** The segments no category carries: how many, where, and which. */
  public record Uncoded(
      int segments, Map<String, Map<String, Integer>> byGroup, List<UncodedSegment> list) {}

  /** A participant segment as the report needs it: where it is and who said it. */
  public record ParticipantSegment(
      String segmentId, String participantId, String sourceId, int start, int end) {}

  /** One segment without a category, located for a reader who wants to code it by hand. */
  public record UncodedSegment(
      String segmentId, String participantId, String caseId, String sourceId, int start, int end) {}

  /**
   * Computes the coverage.
   *
   * @param categories every category a segment may carry, with its theme, in report order
   * @param segments the participant segments
   * @param groupsOfParticipant each participant's case (under {@link #CASE}) and group of each
   *     grouping
   * @param categoriesOfSegment each coded segment's categories (any provenance)
   */
  public static CodingCoverage of(
      String study,
      long runId,
      Map<String, String> categories,
      List<String> groupings,
      List<ParticipantSegment> segments,
      Map<String, Map<String, String>> groupsOfParticipant,
      Map<String, ? extends Collection<String>> categoriesOfSegment) {
    List<String> dimensions = new ArrayList<>();
    dimensions.add(CASE);
    dimensions.addAll(groupings);
    Map<String, String> themes = new LinkedHashMap<>(categories);
    Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
    Map<String, Integer> categoryTotals = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> totals = emptyBreakdown(dimensions);
    Map<String, Map<String, Integer>> uncodedBy = emptyBreakdown(dimensions);
    List<UncodedSegment> uncoded = new ArrayList<>();
    int coded = 0;
    for (ParticipantSegment segment : segments) {
      Map<String, String> groups =
          groupsOfParticipant.getOrDefault(segment.participantId(), Map.of());
      add(totals, dimensions, groups);
      Collection<String> of = categoriesOfSegment.get(segment.segmentId());
      Set<String> carried = of == null ? Set.of() : new LinkedHashSet<>(of);
      if (carried.isEmpty()) {
        add(uncodedBy, dimensions, groups);
        uncoded.add(
            new UncodedSegment(
                segment.segmentId(),
                segment.participantId(),
                groups.getOrDefault(CASE, ""),
                segment.sourceId(),
                segment.start(),
                segment.end()));
        continue;
      }
      coded++;
      for (String category : carried) {
        themes.putIfAbsent(category, "");
        categoryTotals.merge(category, 1, Integer::sum);
        add(counts.computeIfAbsent(category, c -> emptyBreakdown(dimensions)), dimensions, groups);
      }
    }
    List<CategoryCoverage> rows = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    themes.forEach((category, theme) -> {
      int n = categoryTotals.getOrDefault(category, 0);
      rows.add(
          new CategoryCoverage(
              category, theme, n, counts.getOrDefault(category, emptyBreakdown(dimensions))));
      if (n == 0) {
        empty.add(category);
      }
    });
    return new CodingCoverage(
        study,
        runId,
        segments.size(),
        coded,
        List.copyOf(dimensions),
        totals,
        List.copyOf(rows),
        List.copyOf(empty),
        new Uncoded(uncoded.size(), uncodedBy, List.copyOf(uncoded)));
  }

  private static Map<String, Map<String, Integer>> emptyBreakdown(List<String> dimensions) {
    Map<String, Map<String, Integer>> breakdown = new LinkedHashMap<>();
    dimensions.forEach(d -> breakdown.put(d, new TreeMap<>()));
    return breakdown;
  }

  /** A segment of a participant without a value for a dimension counts under "" there. */
  private static void add(
      Map<String, Map<String, Integer>> breakdown,
      List<String> dimensions,
      Map<String, String> groups) {
    for (String dimension : dimensions) {
      breakdown.get(dimension).merge(groups.getOrDefault(dimension, ""), 1, Integer::sum);
    }
  }

  /** Every group of a dimension that has participant segments, in order. */
  public List<String> groupsOf(String dimension) {
    return List.copyOf(totals.get(dimension).keySet());
  }
}
