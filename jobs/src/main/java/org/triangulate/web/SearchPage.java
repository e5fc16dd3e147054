package org.triangulate.web;

import java.util.List;
import java.util.Map;

/**
 * Everything the search page template shows: the query (to refill the form), the result or an error
 * message, paging links, and the study's labels. Immutable.
 *
 * @param result null when the request was bad or the search unavailable
 * @param error null when the search ran
 */
record SearchPage(
    String studyTitle,
    ExtractQuery query,
    String view,
    ExtractSearchResult result,
    String error,
    SearchDimensions dimensions,
    List<SearchSort> sorts,
    List<SearchMode> modes,
    List<SearchLinks.PageLink> pages,
    String previousUrl,
    String nextUrl) {

  /** The two ways of showing hits: whole extracts, or keyword-in-context lines. */
  static final List<String> VIEWS = List.of("extracts", "kwic");

  static SearchPage of(
      String studyTitle,
      ExtractQuery query,
      String view,
      ExtractSearchResult result,
      SearchDimensions dimensions) {
    return new SearchPage(
        studyTitle,
        query,
        view,
        result,
        null,
        dimensions,
        List.of(SearchSort.values()),
        List.of(SearchMode.values()),
        query.cursor() == null ? SearchLinks.pages(query, result.pageCount(), view) : List.of(),
        SearchLinks.previous(query, view),
        SearchLinks.next(query, result, view));
  }

  static SearchPage failed(
      String studyTitle, ExtractQuery query, String error, SearchDimensions dimensions) {
    return new SearchPage(
        studyTitle,
        query,
        "extracts",
        null,
        error,
        dimensions,
        List.of(SearchSort.values()),
        List.of(SearchMode.values()),
        List.of(),
        null,
        null);
  }

  /** A hit's attribute as a tag: the attribute's label and the value's label. */
  record AttributeTag(String attribute, String value) {}

  /** The page size to carry in the form when it is not the default. */
  public boolean customSize() {
    return query.size() != ExtractQuery.DEFAULT_SIZE;
  }

  /** The same words and order without any filter. */
  public String clearFiltersUrl() {
    return SearchLinks.url(
        new ExtractQuery(
            query.text(),
            Map.of(),
            1,
            query.size(),
            query.sort(),
            null,
            query.mode(),
            query.like()));
  }

  /** The same search from its first page, for a page past the last one. */
  public String firstPageUrl() {
    return SearchLinks.url(query.withPage(1));
  }

  /** The first hit's number on this page, counting from 1. */
  public long firstShown() {
    return result == null || result.hits().isEmpty() ? 0 : result.offset() + 1L;
  }

  public long lastShown() {
    return result == null ? 0 : result.offset() + (long) result.hits().size();
  }

  public boolean kwic() {
    return "kwic".equals(view);
  }

  /** This search in the other view, from its first page. */
  public String otherViewUrl() {
    return SearchLinks.url(query.withPage(1), kwic() ? "extracts" : "kwic");
  }

  public String exportUrl() {
    return SearchLinks.exportUrl(query);
  }

  public String contextUrl(ExtractHit hit) {
    return SearchLinks.contextUrl(hit.id(), query);
  }

  /** The extracts most like a hit by meaning; null for a hit without a vector (a workshop note). */
  public String likeUrl(ExtractHit hit) {
    return hit.workshopNote() ? null : SearchLinks.likeUrl(hit.id(), query);
  }

  /** The same filters and order, no longer like an extract. */
  public String unlikeUrl() {
    return SearchLinks.url(
        new ExtractQuery(
            "", query.filters(), 1, query.size(), query.sort(), null, SearchMode.MEANING, null));
  }

  /**
   * A hit's attribute values with their labels, in the study's attribute order; absent ones left
   * out.
   */
  public List<AttributeTag> attributesOf(ExtractHit hit) {
    return dimensions.attributes().stream()
        .filter(d -> hit.attributes().containsKey(d.id()))
        .map(d -> new AttributeTag(d.label(), d.valueLabel(hit.attributes().get(d.id()))))
        .toList();
  }
}
