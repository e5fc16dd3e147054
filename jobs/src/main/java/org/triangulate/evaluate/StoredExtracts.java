package org.triangulate.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads from the store what evaluation needs: where each participant segment lies, and the items
 * each is aligned to. Offsets are turned from UTF-16 units into code points with the source's own
 * text.
 */
public final class StoredExtracts {

  private final JdbcTemplate jdbc;
  private final String study;

  public StoredExtracts(JdbcTemplate jdbc, String study) {
    this.jdbc = jdbc;
    this.study = study;
  }

  /** Every participant segment's span, by segment id. */
  public Map<String, ExtractSpan> participantSpans() {
    Map<String, ExtractSpan> spans = new HashMap<>();
    for (String sourceId :
        jdbc.queryForList(
            "select source_id from source where study = ? order by source_id",
            String.class,
            study)) {
      Map<String, Object> source =
          jdbc.queryForMap(
              "select file_name, body from source where study = ? and source_id = ?",
              study,
              sourceId);
      String file = (String) source.get("file_name");
      String body = (String) source.get("body");
      jdbc.query(
          "select segment_id, participant_id, start_offset, end_offset from segment"
              + " where study = ? and source_id = ? and speaker_role = 'participant'",
          rs -> {
            int start = rs.getInt(3);
            int end = rs.getInt(4);
            spans.put(
                rs.getString(1),
                new ExtractSpan(
                    rs.getString(1),
                    file,
                    rs.getString(2),
                    body.codePointCount(0, Math.min(start, body.length())),
                    body.codePointCount(0, Math.min(end, body.length()))));
          },
          study,
          sourceId);
    }
    return spans;
  }

  /** Whether the store holds item alignments at all (an older store does not). */
  public boolean hasAlignments() {
    try {
      jdbc.queryForObject("select count(*) from item_alignment where study = ?", Long.class, study);
      return true;
    } catch (org.springframework.dao.DataAccessException e) {
      return false;
    }
  }

  /** Items each segment is aligned to, whatever the score. */
  public Map<String, List<String>> alignedItems() {
    return alignedItems(-Double.MAX_VALUE);
  }

  /** Items each segment is aligned to with at least {@code minScore}. */
  public Map<String, List<String>> alignedItems(double minScore) {
    Map<String, List<String>> items = new HashMap<>();
    jdbc.query(
        "select segment_id, item_id from item_alignment where study = ? and score >= ?",
        rs -> {
          items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        },
        study,
        minScore);
    return items;
  }
}
