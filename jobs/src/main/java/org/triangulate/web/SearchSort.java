package org.triangulate.web;

import java.util.Arrays;
import java.util.Optional;

/** How hits are ordered; {@link #param()} is the value of the {@code sort} request parameter. */
public enum SearchSort {
  RELEVANCE("relevance", "Relevance"),
  /**
   * Reading order: by case, then participant, then turn, so one interview's extracts stay together.
   */
  CASE("case", "Case and participant");

  private final String param;
  private final String label;

  SearchSort(String param, String label) {
    this.param = param;
    this.label = label;
  }

  public String param() {
    return param;
  }

  public String label() {
    return label;
  }

  public static Optional<SearchSort> ofParam(String param) {
    return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst();
  }
}
