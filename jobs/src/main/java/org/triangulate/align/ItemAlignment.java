package org.triangulate.align;

/**
 * A segment aligned to an item: the score (a cosine similarity, higher is closer) and the evidence,
 * comma separated ({@code aligned:question}, {@code aligned:semantic}, {@code rule:<id>}, {@code
 * imported:<tool>}).
 */
public record ItemAlignment(String segmentId, String itemId, double score, String provenance) {

  public static final String QUESTION = "aligned:question";
  public static final String SEMANTIC = "aligned:semantic";
}
