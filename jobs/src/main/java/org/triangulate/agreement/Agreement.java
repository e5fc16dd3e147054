package org.triangulate.agreement;

import java.util.List;

/**
 * The night's agreement: one row per category and pair of coders, and every segment where two
 * coders decided differently. Immutable.
 */
public record Agreement(List<Row> rows, List<Disagreement> disagreements) {

  public Agreement {
    rows = List.copyOf(rows);
    disagreements = List.copyOf(disagreements);
  }

  /** Two coders' agreement on one category over the segments both saw. */
  public record Row(String category, String firstCoder, String secondCoder, PairTable table) {}

  /** A segment one coder gave the category and the other, who saw it too, did not. */
  public record Disagreement(
      String segmentId, String participantId, String category, String codedBy, String notCodedBy) {}
}
