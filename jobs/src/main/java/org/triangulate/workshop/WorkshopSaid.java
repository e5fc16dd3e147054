package org.triangulate.workshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.stats.Pattern;

/**
 * "What the workshop said" about each pattern: the workshop notes coded to any of the pattern's
 * categories, in workshop and paragraph order. Read from the store; immutable.
 */
public record WorkshopSaid(Map<String, List<WorkshopNote>> byPattern) {

  public WorkshopSaid {
    byPattern = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPattern));
  }

  public List<WorkshopNote> about(String patternId) {
    return byPattern.getOrDefault(patternId, List.of());
  }

  /** What was said, or null when the study has no workshop notes (the packs then show none). */
  public static WorkshopSaid ifAny(JdbcTemplate jdbc, String study, List<Pattern> patterns) {
    WorkshopSaid said = of(jdbc, study, patterns);
    return said.byPattern().values().stream().allMatch(List::isEmpty) ? null : said;
  }

  /**
   * What the packs' inputs gain from the workshop notes: nothing without notes, else a checksum of
   * every note, so new notes make the next night write the packs again.
   */
  public static String fingerprintSuffix(JdbcTemplate jdbc, String study) {
    StringBuilder all = new StringBuilder();
    jdbc.query(
        "select note_id, deidentified_text, categories, held_on, pack, stakeholder_groups"
            + " from workshop_note where study = ? order by note_id",
        rs -> {
          for (int i = 1; i <= 6; i++) {
            all.append(rs.getString(i)).append('\t');
          }
          all.append('\n');
        },
        study);
    return all.isEmpty()
        ? ""
        : " workshops:"
            + org.apache.commons.codec.digest.DigestUtils.sha256Hex(
                all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static WorkshopSaid of(JdbcTemplate jdbc, String study, List<Pattern> patterns) {
    List<WorkshopNote> notes = new ArrayList<>();
    jdbc.query(
        "select note_id, workshop_id, paragraph, held_on, pack, stakeholder_groups,"
            + " deidentified_text, categories from workshop_note where study = ?"
            + " order by workshop_id, paragraph, note_id",
        rs -> {
          notes.add(
              new WorkshopNote(
                  rs.getString(1),
                  new Workshop(
                      rs.getString(2),
                      nullToEmpty(rs.getString(4)),
                      nullToEmpty(rs.getString(5)),
                      split(rs.getString(6))),
                  rs.getInt(3),
                  rs.getString(7),
                  split(rs.getString(8))));
        },
        study);
    Map<String, List<WorkshopNote>> byPattern = new LinkedHashMap<>();
    for (Pattern pattern : patterns) {
      List<WorkshopNote> said =
          notes.stream()
              .filter(n -> n.categories().stream().anyMatch(pattern.categories()::contains))
              .toList();
      byPattern.put(pattern.id(), said);
    }
    return new WorkshopSaid(byPattern);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
  }
}
