package org.triangulate.coding;

import java.util.List;

/**
 * A segment coded to a category, with provenance: which rule made it and the lemmas or phrases that
 * matched, so an audit can tell the pipeline's codings from a person's.
 */
public record Coding(
    String segmentId, String category, String provenance, List<String> matchedTerms) {
  public Coding {
    matchedTerms = List.copyOf(matchedTerms);
  }
}
