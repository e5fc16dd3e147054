package org.triangulate.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** The attributes of a study's cases and participants as the store holds them, by name. */
public final class StoredAttributes {

  private StoredAttributes() {}

  /** Every case of the study by id (in id order), each with its attributes (possibly none). */
  public static Map<String, Map<String, String>> ofCases(JdbcTemplate jdbc, String study) {
    Map<String, Map<String, String>> cases = new TreeMap<>();
    jdbc.query(
        "select case_id from study_case where study = ?",
        rs -> {
          cases.put(rs.getString(1), new TreeMap<>());
        },
        study);
    jdbc.query(
        "select case_id, attribute, attr_value from case_attribute where study = ?",
        rs -> {
          cases
              .computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        study);
    return cases;
  }

  /** Participants' own attributes by participant id; a participant with none is absent. */
  public static Map<String, Map<String, String>> ofParticipants(JdbcTemplate jdbc, String study) {
    Map<String, Map<String, String>> participants = new HashMap<>();
    jdbc.query(
        "select participant_id, attribute, attr_value from participant_attribute where study = ?",
        rs -> {
          participants
              .computeIfAbsent(rs.getString(1), p -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        study);
    return participants;
  }
}
