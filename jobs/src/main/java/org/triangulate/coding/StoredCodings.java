package org.triangulate.coding;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads codings from the store. */
public final class StoredCodings {

  private StoredCodings() {}

  /**
   * The codings of a source's segments (any provenance), by segment, category and provenance: a
   * stable order, so what is made of them (an index document's fingerprint, the export's bytes)
   * changes only when they do.
   */
  public static List<RefiQdaExporter.SegmentCoding> ofSource(
      JdbcTemplate jdbc, String study, String sourceId) {
    return jdbc.query(
        // From the source's segments to their codings: the way the indices lead (the other way,
        // H2 scans every coding of the study for each source).
        "select c.segment_id, c.category, c.provenance, c.matched_terms from segment s"
            + " join coding c on c.study = s.study and c.segment_id = s.segment_id"
            + " where s.study = ? and s.source_id = ?"
            + " order by c.segment_id, c.category, c.provenance",
        (rs, i) ->
            new RefiQdaExporter.SegmentCoding(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        study,
        sourceId);
  }

  /** Category of an item alignment in exports: {@code item:<item id>}. */
  public static final String ITEM_PREFIX = "item:";

  /**
   * A source's item alignments at or above {@code minScore} as codings of {@code item:<item id>},
   * their evidence as provenance and their score as the matched terms, in the same order.
   */
  public static List<RefiQdaExporter.SegmentCoding> itemAlignmentsOfSource(
      JdbcTemplate jdbc, String study, String sourceId, double minScore) {
    return jdbc.query(
        "select a.segment_id, a.item_id, a.provenance, a.score from segment s"
            + " join item_alignment a on a.study = s.study and a.segment_id = s.segment_id"
            + " where s.study = ? and s.source_id = ? and a.score >= ?"
            + " order by a.segment_id, a.item_id",
        (rs, i) ->
            new RefiQdaExporter.SegmentCoding(
                rs.getString(1),
                ITEM_PREFIX + rs.getString(2),
                rs.getString(3),
                String.format(java.util.Locale.ROOT, "score %.3f", rs.getDouble(4))),
        study,
        sourceId,
        minScore);
  }
}
