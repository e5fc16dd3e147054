package org.triangulate.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a search's request parameters into an {@link ExtractQuery}: {@code q}, {@code page}, {@code
 * size}, {@code sort}, {@code cursor}, {@code mode} ({@code words} or {@code meaning}), {@code
 * like} (an extract's id, for more like it), and one repeatable filter parameter per dimension
 * ({@code case}, {@code role}, {@code category}, {@code theme}, each attribute id). Every problem
 * found is reported at once, naming the parameter. Stateless.
 */
final class SearchParameters {

  /** Longer than any extract id: a segment's or a workshop note's. */
  static final int MAX_ID_LENGTH = 200;

  private SearchParameters() {}

  static ExtractQuery parse(Map<String, List<String>> params, SearchDimensions dimensions) {
    List<String> problems = new ArrayList<>();
    String text = single(params, "q", problems);
    if (text != null && text.length() > ExtractQuery.MAX_TEXT_LENGTH) {
      problems.add("q: at most " + ExtractQuery.MAX_TEXT_LENGTH + " characters");
    }
    int size = number(params, "size", ExtractQuery.DEFAULT_SIZE, problems);
    if (size < 1 || size > ExtractQuery.MAX_SIZE) {
      problems.add("size: must be between 1 and " + ExtractQuery.MAX_SIZE + " (was " + size + ")");
    }
    int page = number(params, "page", 1, problems);
    if (page < 1) {
      problems.add("page: must be 1 or more (was " + page + ")");
    } else if (size >= 1
        && size <= ExtractQuery.MAX_SIZE
        && (long) page * size > ExtractQuery.MAX_WINDOW) {
      problems.add(
          "page: only the first "
              + ExtractQuery.MAX_WINDOW
              + " hits can be paged through (last page "
              + ExtractQuery.MAX_WINDOW / size
              + " at size "
              + size
              + "); narrow the search with words or filters");
    }
    SearchSort sort =
        ParamChoice.parse("sort", single(params, "sort", problems), SearchSort.RELEVANCE, problems);
    String cursor = single(params, "cursor", problems);
    if (cursor != null && params.containsKey("page")) {
      problems.add("page: give a page or a cursor, not both");
    }
    SearchMode mode =
        ParamChoice.parse("mode", single(params, "mode", problems), SearchMode.WORDS, problems);
    String like = single(params, "like", problems);
    if (like != null && like.length() > MAX_ID_LENGTH) {
      problems.add("like: at most " + MAX_ID_LENGTH + " characters");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      if (SearchDimensions.RESERVED_PARAMS.contains(name)) {
        continue;
      }
      if (dimensions.find(name).isEmpty()) {
        problems.add(
            "unknown parameter '"
                + name
                + "': filters are "
                + String.join(", ", dimensions.ids())
                + "; other parameters are "
                + String.join(", ", SearchDimensions.RESERVED_PARAMS.stream().sorted().toList()));
        continue;
      }
      filters.put(name, values(param.getValue()));
    }
    if (!problems.isEmpty()) {
      throw new BadSearchRequestException(problems);
    }
    return new ExtractQuery(text, filters, page, size, sort, cursor, mode, like);
  }

  /**
   * Non-blank values, trimmed, once each: an empty checkbox value or a repeated one means nothing.
   */
  private static List<String> values(List<String> raw) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      if (value != null && !value.isBlank()) {
        values.add(value.strip());
      }
    }
    return List.copyOf(values);
  }

  private static String single(
      Map<String, List<String>> params, String name, List<String> problems) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      problems.add(name + ": give it once (was given " + values.size() + " times)");
    }
    String value = values.getFirst();
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int number(
      Map<String, List<String>> params, String name, int defaultValue, List<String> problems) {
    String value = single(params, name, problems);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      problems.add(name + ": '" + value + "' is not a whole number");
      return defaultValue;
    }
  }
}
