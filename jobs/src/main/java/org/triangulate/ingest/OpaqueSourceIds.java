package org.triangulate.ingest;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The names sources go by outside the store: the participant id and a random suffix ({@code
 * P008-3f9a2c1b7d4e}). A source's id inside the store is its file's name, which may name the person
 * ({@code P008 Jane Smith interview.txt}); the index, the API, exports, packs and reports carry the
 * opaque id instead. Assigned once when a source is first staged and kept while it stays.
 * Thread-safe.
 */
public final class OpaqueSourceIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueSourceIds() {}

  /** A fresh opaque id for a source of this participant. */
  public static String newId(String participantId) {
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    return participantId + "-" + HexFormat.of().formatHex(suffix);
  }

  /** Every source of a study: its id in the store to its opaque id. */
  public static Map<String, String> ofStudy(JdbcTemplate jdbc, String study) {
    Map<String, String> ids = new HashMap<>();
    jdbc.query(
        "select source_id, opaque_id from source where study = ?",
        rs -> {
          ids.put(rs.getString(1), rs.getString(2));
        },
        study);
    return ids;
  }

  /** The opaque id of each loaded transcript by its input file ({@code transcripts/<name>}). */
  public static Map<String, String> ofTranscriptFiles(JdbcTemplate jdbc, String study) {
    Map<String, String> ids = new HashMap<>();
    jdbc.query(
        "select file_name, opaque_id from source where study = ? and origin = 'transcript'",
        rs -> {
          ids.put(TranscriptIngestTasklet.FOLDER + rs.getString(1), rs.getString(2));
        },
        study);
    return ids;
  }
}
