package org.triangulate.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an analyst asked for: words (empty means everything), filters by dimension id (values of one
 * dimension are OR-ed, dimensions are AND-ed), a 1-based page, its size and the order, or instead
 * of the page a cursor from a previous result to continue after its last hit (search_after in a
 * point in time, which reaches past the from/size window), the mode (by words or by meaning) and,
 * for "more like this", the extract whose neighbours by meaning are asked for. Immutable; the
 * constructor rejects pages beyond what from/size paging can reach.
 *
 * @param like an extract's id: its nearest extracts by meaning (itself excluded) are found, with
 *     the words, if any, matched as in {@link SearchMode#MEANING}; null otherwise
 */
public record ExtractQuery(
    String text,
    Map<String, List<String>> filters,
    int page,
    int size,
    SearchSort sort,
    String cursor,
    SearchMode mode,
    String like) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Elasticsearch's default index.max_result_window: from + size may not pass it. */
  public static final int MAX_WINDOW = 10_000;

  public static final int MAX_TEXT_LENGTH = 1_000;

  public ExtractQuery {
    text = text == null ? "" : text.strip();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    filters.forEach((dimension, values) -> {
      if (!values.isEmpty()) {
        copy.put(dimension, List.copyOf(values));
      }
    });
    filters = Collections.unmodifiableMap(copy);
    if (page < 1 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_WINDOW) {
      throw new IllegalArgumentException("page " + page + " of size " + size + " is out of range");
    }
    if (sort == null) {
      throw new IllegalArgumentException("sort is required");
    }
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    mode = mode == null ? SearchMode.WORDS : mode;
    like = like == null || like.isBlank() ? null : like.strip();
  }

  /** By words, or after a cursor. */
  public ExtractQuery(
      String text,
      Map<String, List<String>> filters,
      int page,
      int size,
      SearchSort sort,
      String cursor) {
    this(text, filters, page, size, sort, cursor, SearchMode.WORDS, null);
  }

  /** A page by number, counted from the first hit (from/size paging). */
  public ExtractQuery(
      String text, Map<String, List<String>> filters, int page, int size, SearchSort sort) {
    this(text, filters, page, size, sort, null);
  }

  /** Everything, first page, by relevance. */
  public static ExtractQuery everything() {
    return new ExtractQuery("", Map.of(), 1, DEFAULT_SIZE, SearchSort.RELEVANCE);
  }

  public int from() {
    return (page - 1) * size;
  }

  public List<String> selected(String dimension) {
    return filters.getOrDefault(dimension, List.of());
  }

  public boolean isSelected(String dimension, String value) {
    return selected(dimension).contains(value);
  }

  public boolean hasFilters() {
    return !filters.isEmpty();
  }

  public ExtractQuery withPage(int newPage) {
    return new ExtractQuery(text, filters, newPage, size, sort, null, mode, like);
  }

  public ExtractQuery withCursor(String newCursor) {
    return new ExtractQuery(text, filters, 1, size, sort, newCursor, mode, like);
  }

  /** The same words, filters and order in another mode, from the first page. */
  public ExtractQuery withMode(SearchMode newMode) {
    return new ExtractQuery(text, filters, 1, size, sort, null, newMode, like);
  }

  /** The extracts most like the given one, with this query's filters and order. */
  public ExtractQuery like(String extractId) {
    return new ExtractQuery("", filters, 1, size, sort, null, SearchMode.MEANING, extractId);
  }

  /**
   * Whether extracts are matched by meaning: in meaning mode with words, or like an extract. In
   * meaning mode without words there is nothing to mean, and every extract matches as by words.
   */
  public boolean byMeaning() {
    return like != null || (mode == SearchMode.MEANING && !text.isEmpty());
  }

  /**
   * Identifies the search (words, filters, order) but not the position in it, so a cursor can tell
   * the search it belongs to.
   */
  public String searchKey() {
    return org.apache.commons.codec.digest.DigestUtils.sha256Hex(
            text
                + "\u0000"
                + new java.util.TreeMap<>(filters)
                + "\u0000"
                + sort
                + "\u0000"
                + mode
                + "\u0000"
                + like)
        .substring(0, 16);
  }

  /** The last page from/size paging can reach with this page size. */
  public int lastReachablePage() {
    return MAX_WINDOW / size;
  }
}
