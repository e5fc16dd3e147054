package org.triangulate.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Links of the search page: the current query at another page, with the default parameters left out
 * so links stay short. Values are form-encoded here ({@code +} as {@code %2B}), so the template
 * only prints them. Stateless.
 */
final class SearchLinks {

  /** A link to a page of results; {@code url} is null for the page being shown. */
  record PageLink(int number, String url, boolean current) {}

  /** Pages either side of the current one that get a numbered link. */
  private static final int WINDOW = 2;

  private SearchLinks() {}

  static String url(ExtractQuery query) {
    return url(query, "extracts");
  }

  /** The search in the given view ({@code extracts} or {@code kwic}). */
  static String url(ExtractQuery query, String view) {
    List<String> params = searchParams(query);
    if (query.size() != ExtractQuery.DEFAULT_SIZE) {
      params.add(param("size", Integer.toString(query.size())));
    }
    if (query.cursor() != null) {
      params.add(param("cursor", query.cursor()));
    } else if (query.page() != 1) {
      params.add(param("page", Integer.toString(query.page())));
    }
    if (!"extracts".equals(view)) {
      params.add(param("view", view));
    }
    return params.isEmpty() ? "/" : "/?" + String.join("&", params);
  }

  /** Every hit of the search as CSV. */
  static String exportUrl(ExtractQuery query) {
    List<String> params = searchParams(query);
    return "/api/export.csv" + (params.isEmpty() ? "" : "?" + String.join("&", params));
  }

  /** An extract in its transcript, with the search's words marked. */
  static String contextUrl(String id, ExtractQuery query) {
    return "/extracts/"
        + URLEncoder.encode(id, StandardCharsets.UTF_8)
        + (query.text().isEmpty() ? "" : "?" + param("q", query.text()));
  }

  /** The extracts most like one, by meaning, in the search's filters and order. */
  static String likeUrl(String id, ExtractQuery query) {
    return url(query.like(id));
  }

  /** Words, filters, order and mode: what identifies a search, without its position. */
  private static List<String> searchParams(ExtractQuery query) {
    List<String> params = new ArrayList<>();
    if (!query.text().isEmpty()) {
      params.add(param("q", query.text()));
    }
    query
        .filters()
        .forEach((dimension, values) -> values.forEach(v -> params.add(param(dimension, v))));
    if (query.sort() != SearchSort.RELEVANCE) {
      params.add(param("sort", query.sort().param()));
    }
    if (query.mode() != SearchMode.WORDS) {
      params.add(param("mode", query.mode().param()));
    }
    if (query.like() != null) {
      params.add(param("like", query.like()));
    }
    return params;
  }

  /** Numbered links around the current page, always including the first and last. */
  static List<PageLink> pages(ExtractQuery query, int pageCount, String view) {
    List<PageLink> links = new ArrayList<>();
    for (int n = 1; n <= pageCount; n++) {
      boolean nearCurrent = Math.abs(n - query.page()) <= WINDOW;
      if (n == 1 || n == pageCount || nearCurrent) {
        boolean current = n == query.page();
        links.add(new PageLink(n, current ? null : url(query.withPage(n), view), current));
      }
    }
    return links;
  }

  static String previous(ExtractQuery query, String view) {
    return query.page() > 1 && query.cursor() == null
        ? url(query.withPage(query.page() - 1), view)
        : null;
  }

  /**
   * The next page by number, or past the last numbered page (or when already paging by cursor) by
   * the result's cursor; null on the last page.
   */
  static String next(ExtractQuery query, ExtractSearchResult result, String view) {
    if (query.cursor() == null && query.page() < result.pageCount()) {
      return url(query.withPage(query.page() + 1), view);
    }
    return result.nextCursor() == null ? null : url(query.withCursor(result.nextCursor()), view);
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
