package org.triangulate.web;

/** How the words are matched; {@link #param()} is the value of the {@code mode} parameter. */
public enum SearchMode implements ParamChoice {
  /** Every word, through its lemma's stem (BM25). */
  WORDS("By words"),
  /**
   * The words' matches and the extracts nearest the words' meaning (kNN over sentence vectors), in
   * one ranking: see docs/search.md, "By meaning".
   */
  MEANING("By meaning");

  private final String label;

  SearchMode(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
