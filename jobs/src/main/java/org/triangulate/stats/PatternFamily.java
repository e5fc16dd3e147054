package org.triangulate.stats;

/** The kinds of pattern; synthesis packs select patterns by family name. */
public enum PatternFamily {
  /** In place overall and in every case with enough answers. */
  REPLICATED_IN_PLACE,
  /** Not in place overall nor in any case with enough answers. */
  REPLICATED_NOT_IN_PLACE,
  /** Answers differ between the groups of a grouping (type {@code VARIES_BY_<GROUPING>}). */
  VARIES_BY,
  /** Rated important but not in place. */
  IMPORTANCE_GAP
}
