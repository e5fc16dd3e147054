package org.triangulate.web;

import java.util.List;

/** One page of hits, the exact number of matching extracts, and the facet counts. Immutable. */
public record ExtractSearchResult(
    long total, int page, int size, List<ExtractHit> hits, List<Facet> facets) {

  public ExtractSearchResult {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }

  /** Pages a reader can reach: all of them, up to the from/size window. */
  public int pageCount() {
    long pages = (total + size - 1) / size;
    return (int) Math.min(pages, ExtractQuery.MAX_WINDOW / size);
  }
}
