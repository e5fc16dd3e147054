package org.triangulate.web;

/** How hits are ordered; {@link #param()} is the value of the {@code sort} parameter. */
public enum SearchSort implements ParamChoice {
  RELEVANCE("Relevance"),
  /**
   * Reading order: by case, then participant, then turn, so one interview's extracts stay together.
   */
  CASE("Case and participant");

  private final String label;

  SearchSort(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
