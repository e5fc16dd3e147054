package org.triangulate.ingest;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers every input file as last loaded (checksum, fingerprint, counts) so an unchanged file is
 * skipped, and records what each run did with each input for the run report. A skipped file's
 * quarantined records are carried into the new run, so a run's quarantine is always complete.
 * Thread-safe (stateless over a {@link JdbcTemplate}); callers provide the transaction.
 */
@Component
public class InputLedger {

  /** The checksum recorded for an input whose file is absent. */
  public static final String MISSING = "missing";

  private final JdbcTemplate jdbc;
  private final QuarantineLog quarantine;

  public InputLedger(JdbcTemplate jdbc, QuarantineLog quarantine) {
    this.jdbc = jdbc;
    this.quarantine = quarantine;
  }

  /** A file's entry: what it was when last loaded. */
  public record Entry(
      String input,
      String fileName,
      String sha256,
      String fingerprint,
      long lastRunId,
      long read,
      long loaded,
      long quarantined,
      String encoding,
      String notes) {}

  /** One input line of a run: read = loaded + quarantined. */
  public record RunLine(
      String input,
      String fileName,
      String sha256,
      String status,
      long read,
      long loaded,
      long quarantined,
      String encoding,
      String notes) {}

  /**
   * A fingerprint of a file's checksum and everything its validation depended on ({@link
   * org.triangulate.fingerprint.Fingerprint}, the one way the project fingerprints).
   */
  public static String fingerprint(String... parts) {
    return org.triangulate.fingerprint.Fingerprint.of(parts);
  }

  public Optional<Entry> previous(String study, String fileName) {
    return jdbc
        .query(
            "select input_name, file_name, sha256, fingerprint, last_run_id, read_count, loaded_count,"
                + " quarantined_count, encoding, notes from input_file where study = ? and file_name = ?",
            (rs, i) ->
                new Entry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getString(9),
                    rs.getString(10)),
            study,
            fileName)
        .stream()
        .findFirst();
  }

  /** The fingerprint a file was last loaded at, or empty text when it never was. */
  public String fingerprintOf(String study, String fileName) {
    return previous(study, fileName).map(Entry::fingerprint).orElse("");
  }

  /** Every input file of the study as {@code input/file=sha256} lines, in file order. */
  public List<String> checksums(String study) {
    return jdbc.queryForList(
        "select input_name || '/' || file_name || '=' || coalesce(sha256, '') from input_file"
            + " where study = ? order by input_name, file_name",
        String.class,
        study);
  }

  /** File names of an input (e.g. every transcript) as last loaded. */
  public List<String> fileNames(String study, String input) {
    return jdbc.queryForList(
        "select file_name from input_file where study = ? and input_name = ? order by file_name",
        String.class,
        study,
        input);
  }

  /** Records a fresh load: the ledger entry, the run's input line and its quarantine. */
  public void recordLoad(
      String study,
      long runId,
      String sha256,
      String fingerprint,
      String status,
      InputLoad<?> load) {
    String notes = truncate(String.join("; ", load.notes()), 4000);
    forget(study, load.fileName());
    jdbc.update(
        "insert into input_file (study, file_name, input_name, sha256, fingerprint, last_run_id, read_count,"
            + " loaded_count, quarantined_count, encoding, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        study,
        load.fileName(),
        load.input(),
        sha256,
        fingerprint,
        runId,
        load.read(),
        (long) load.loaded().size(),
        (long) load.quarantined().size(),
        load.encoding(),
        notes);
    recordOutcome(study, runId, sha256, status, load, notes);
  }

  /**
   * Records a file that no longer loads while an earlier version of it did: its quarantine and run
   * line, but not a new ledger entry, so the earlier version stays staged and the file is read (and
   * reported) again each night until it is fixed.
   */
  public void recordRejectedKeepingPrevious(
      String study, long runId, String sha256, InputLoad<?> load) {
    List<String> notes = new java.util.ArrayList<>(load.notes());
    notes.add("unreadable now; the version loaded earlier is kept");
    recordOutcome(
        study, runId, sha256, "kept previous", load, truncate(String.join("; ", notes), 4000));
  }

  private void recordOutcome(
      String study, long runId, String sha256, String status, InputLoad<?> load, String notes) {
    for (QuarantinedRecord record : load.quarantined()) {
      quarantine.record(study, runId, record.withInput(load.input()));
    }
    report(
        study,
        runId,
        new RunLine(
            load.input(),
            load.fileName(),
            sha256,
            status,
            load.read(),
            load.loaded().size(),
            load.quarantined().size(),
            load.encoding(),
            notes));
  }

  /** Records a skipped, unchanged file: its last counts, and its quarantine carried over. */
  public void recordUnchanged(String study, long runId, Entry previous) {
    if (previous.lastRunId() != runId) {
      quarantine.copy(study, previous.lastRunId(), runId, previous.fileName());
    }
    jdbc.update(
        "update input_file set last_run_id = ? where study = ? and file_name = ?",
        runId,
        study,
        previous.fileName());
    report(
        study,
        runId,
        new RunLine(
            previous.input(),
            previous.fileName(),
            previous.sha256(),
            "unchanged",
            previous.read(),
            previous.loaded(),
            previous.quarantined(),
            previous.encoding(),
            previous.notes()));
  }

  /** Records an input file that is gone: nothing read, its records removed by the caller. */
  public void recordRemoved(String study, long runId, String input, String fileName) {
    forget(study, fileName);
    report(study, runId, new RunLine(input, fileName, MISSING, "removed", 0, 0, 0, null, null));
  }

  public void forget(String study, String fileName) {
    jdbc.update("delete from input_file where study = ? and file_name = ?", study, fileName);
  }

  public void report(String study, long runId, RunLine line) {
    jdbc.update(
        "insert into input_report (study, job_execution_id, input_name, file_name, sha256, status, read_count,"
            + " loaded_count, quarantined_count, encoding, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        study,
        runId,
        line.input(),
        line.fileName(),
        line.sha256(),
        line.status(),
        line.read(),
        line.loaded(),
        line.quarantined(),
        line.encoding(),
        truncate(line.notes(), 4000));
  }

  /** What a run did with each input, in the order the run met them. */
  public List<RunLine> forRun(String study, long runId) {
    return jdbc.query(
        "select input_name, file_name, sha256, status, read_count, loaded_count, quarantined_count, encoding, notes"
            + " from input_report where study = ? and job_execution_id = ? order by case input_name"
            + " when 'cases' then 1 when 'participants' then 2 when 'responses' then 3 when 'transcripts' then 4"
            + " else 5 end, file_name",
        (rs, i) ->
            new RunLine(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9)),
        study,
        runId);
  }

  /** Drops a run's input lines (a step that runs again in the same run writes them anew). */
  public void clearRun(String study, long runId, String input) {
    jdbc.update(
        "delete from input_report where study = ? and job_execution_id = ? and input_name = ?",
        study,
        runId,
        input);
    quarantine.clearRun(study, runId, input);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
