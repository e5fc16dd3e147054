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
    if (query.size() != ExtractQuery.DEFAULT_SIZE) {
      params.add(param("size", Integer.toString(query.size())));
    }
    if (query.page() != 1) {
      params.add(param("page", Integer.toString(query.page())));
    }
    return params.isEmpty() ? "/" : "/?" + String.join("&", params);
  }

  /** Numbered links around the current page, always including the first and last. */
  static List<PageLink> pages(ExtractQuery query, int pageCount) {
    List<PageLink> links = new ArrayList<>();
    for (int n = 1; n <= pageCount; n++) {
      boolean nearCurrent = Math.abs(n - query.page()) <= WINDOW;
      if (n == 1 || n == pageCount || nearCurrent) {
        boolean current = n == query.page();
        links.add(new PageLink(n, current ? null : url(query.withPage(n)), current));
      }
    }
    return links;
  }

  static String previous(ExtractQuery query) {
    return query.page() > 1 ? url(query.withPage(query.page() - 1)) : null;
  }

  static String next(ExtractQuery query, int pageCount) {
    return query.page() < pageCount ? url(query.withPage(query.page() + 1)) : null;
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
