package org.triangulate.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the words are matched; {@link #param()} is the value of the {@code mode} request parameter.
 */
public enum SearchMode {
  /** Every word, through its lemma's stem (BM25). */
  WORDS("words", "By words"),
  /**
   * The words' matches and the extracts nearest the words' meaning (kNN over sentence vectors), in
   * one ranking: see docs/search.md, "By meaning".
   */
  MEANING("meaning", "By meaning");

  private final String param;
  private final String label;

  SearchMode(String param, String label) {
    this.param = param;
    this.label = label;
  }

  public String param() {
    return param;
  }

  public String label() {
    return label;
  }

  public static Optional<SearchMode> ofParam(String param) {
    return Arrays.stream(values()).filter(m -> m.param.equals(param)).findFirst();
  }
}
