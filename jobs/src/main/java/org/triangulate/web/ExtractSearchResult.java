package org.triangulate.web;

import java.util.List;

/**
 * One page of hits, the exact number of matching extracts, and the facet counts. {@code offset} is
 * the number of hits before this page; {@code nextCursor} continues after its last hit (null on the
 * last page). {@code like} is the extract the hits are like in a "more like this" search (null
 * otherwise). Immutable.
 */
public record ExtractSearchResult(
    long total,
    int page,
    int size,
    long offset,
    List<ExtractHit> hits,
    List<Facet> facets,
    String nextCursor,
    long took,
    ExtractHit like) {

  /** A search not asking for extracts like another. */
  public ExtractSearchResult(
      long total,
      int page,
      int size,
      long offset,
      List<ExtractHit> hits,
      List<Facet> facets,
      String nextCursor,
      long took) {
    this(total, page, size, offset, hits, facets, nextCursor, took, null);
  }

  public ExtractSearchResult {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }

  /** Pages a reader can reach by number: all of them, up to the from/size window. */
  public int pageCount() {
    long pages = (total + size - 1) / size;
    return (int) Math.min(pages, ExtractQuery.MAX_WINDOW / size);
  }
}
