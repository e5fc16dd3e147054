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
    Tally tally = new Tally(categories, groupings, groupsOfParticipant);
    for (ParticipantSegment segment : segments) {
      Collection<String> carried = categoriesOfSegment.get(segment.segmentId());
      tally.add(segment, carried == null ? List.of() : carried);
    }
    return tally.coverage(study, runId);
  }

  /**
   * Coverage counted one segment at a time, so the study's segments and codings need not be held
   * together: only the counts and the uncoded segments are kept. Mutable; one thread.
   */
  public static final class Tally {

    private final Map<String, Map<String, String>> groupsOfParticipant;
    private final List<String> dimensions = new ArrayList<>();
    private final Map<String, String> themes;
    private final Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
    private final Map<String, Integer> categoryTotals = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> totals;
    private final Map<String, Map<String, Integer>> uncodedBy;
    private final List<UncodedSegment> uncoded = new ArrayList<>();
    private int segments;
    private int coded;

    /**
     * @param categories every category a segment may carry, with its theme, in report order
     * @param groupsOfParticipant each participant's case (under {@link #CASE}) and group of each
     *     grouping
     */
    public Tally(
        Map<String, String> categories,
        List<String> groupings,
        Map<String, Map<String, String>> groupsOfParticipant) {
      this.groupsOfParticipant = groupsOfParticipant;
      dimensions.add(CASE);
      dimensions.addAll(groupings);
      themes = new LinkedHashMap<>(categories);
      totals = emptyBreakdown(dimensions);
      uncodedBy = emptyBreakdown(dimensions);
    }

    /** Counts a participant segment with the categories it carries (any provenance). */
    public void add(ParticipantSegment segment, Collection<String> categories) {
      segments++;
      Map<String, String> groups =
          groupsOfParticipant.getOrDefault(segment.participantId(), Map.of());
      CodingCoverage.add(totals, dimensions, groups);
      Set<String> carried = new LinkedHashSet<>(categories);
      if (carried.isEmpty()) {
        CodingCoverage.add(uncodedBy, dimensions, groups);
        uncoded.add(
            new UncodedSegment(
                segment.segmentId(),
                segment.participantId(),
                groups.getOrDefault(CASE, ""),
                segment.sourceId(),
                segment.start(),
                segment.end()));
        return;
      }
      coded++;
      for (String category : carried) {
        themes.putIfAbsent(category, "");
        categoryTotals.merge(category, 1, Integer::sum);
        CodingCoverage.add(
            counts.computeIfAbsent(category, c -> emptyBreakdown(dimensions)), dimensions, groups);
      }
    }

    /** The coverage of the segments counted so far. */
    public CodingCoverage coverage(String study, long runId) {
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
          segments,
          coded,
          List.copyOf(dimensions),
          totals,
          List.copyOf(rows),
          List.copyOf(empty),
          new Uncoded(uncoded.size(), uncodedBy, List.copyOf(uncoded)));
    }
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
