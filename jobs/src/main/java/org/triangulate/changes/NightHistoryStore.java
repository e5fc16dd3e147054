package org.triangulate.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeps each night's {@link NightSnapshot} in the store's {@code night_history} table. */
public final class NightHistoryStore {

  private static final String PATTERN = "pattern";
  private static final String ITEM = "item";
  private static final String TRANSCRIPT = "transcript";

  private final JdbcTemplate jdbc;

  public NightHistoryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces what was kept for the snapshot's run (a restarted step keeps it once). */
  public void save(String study, NightSnapshot snapshot) {
    jdbc.update(
        "delete from night_history where study = ? and job_execution_id = ?",
        study,
        snapshot.runId());
    List<Object[]> rows = new ArrayList<>();
    snapshot
        .patterns()
        .values()
        .forEach(p -> rows.add(row(study, snapshot, PATTERN, p.id(), p.strength(), null, null)));
    snapshot
        .items()
        .values()
        .forEach(i ->
            rows.add(
                row(
                    study,
                    snapshot,
                    ITEM,
                    i.itemId(),
                    Double.isNaN(i.inPlaceShare()) ? null : i.inPlaceShare(),
                    i.answered(),
                    null)));
    snapshot
        .transcripts()
        .forEach((source, t) ->
            rows.add(
                row(
                    study,
                    snapshot,
                    TRANSCRIPT,
                    source,
                    null,
                    null,
                    t.participantId() + "\t" + t.groups())));
    jdbc.batchUpdate(
        "insert into night_history (study, job_execution_id, kind, entry_key, entry_value,"
            + " entry_count, detail) values (?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  private static Object[] row(
      String study,
      NightSnapshot snapshot,
      String kind,
      String key,
      Double value,
      Integer count,
      String detail) {
    return new Object[] {study, snapshot.runId(), kind, key, value, count, detail};
  }

  /** The latest run before {@code runId} that kept a snapshot. */
  public Optional<Long> runBefore(String study, long runId) {
    return Optional.ofNullable(
        jdbc.queryForObject(
            "select max(job_execution_id) from night_history where study = ? and job_execution_id < ?",
            Long.class,
            study,
            runId));
  }

  /** The latest run that kept a snapshot. */
  public Optional<Long> latestRun(String study) {
    return Optional.ofNullable(
        jdbc.queryForObject(
            "select max(job_execution_id) from night_history where study = ?", Long.class, study));
  }

  public NightSnapshot load(String study, long runId) {
    Map<String, NightSnapshot.PatternEntry> patterns = new HashMap<>();
    Map<String, NightSnapshot.ItemEntry> items = new HashMap<>();
    Map<String, NightSnapshot.TranscriptEntry> transcripts = new HashMap<>();
    jdbc.query(
        "select kind, entry_key, entry_value, entry_count, detail from night_history"
            + " where study = ? and job_execution_id = ?",
        rs -> {
          String key = rs.getString(2);
          double value = rs.getDouble(3);
          boolean missing = rs.wasNull();
          switch (rs.getString(1)) {
            case PATTERN -> patterns.put(key, new NightSnapshot.PatternEntry(key, value));
            case ITEM ->
                items.put(
                    key,
                    new NightSnapshot.ItemEntry(key, missing ? Double.NaN : value, rs.getInt(4)));
            case TRANSCRIPT -> {
              String[] detail = rs.getString(5).split("\t", 2);
              transcripts.put(
                  key,
                  new NightSnapshot.TranscriptEntry(detail[0], detail.length > 1 ? detail[1] : ""));
            }
            default -> {}
          }
        },
        study,
        runId);
    return new NightSnapshot(runId, patterns, items, transcripts);
  }
}
