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
}
