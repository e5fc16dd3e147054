package org.triangulate.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triangulate.output.OutputFiles;
import org.triangulate.output.PrivateFolders;
import org.triangulate.output.SpreadsheetText;

/**
 * Records quarantined input in the store (per run) and exports a run's quarantine to {@code
 * data-out/<study>/quarantine/quarantine.csv} for people to fix. The quarantine holds input as it
 * was written (names included): identifiable data, readable by the owner only. Thread-safe.
 */
@Component
public class QuarantineLog {

  private static final CSVFormat EXPORT =
      CSVFormat.RFC4180.builder().setHeader("input", "file", "location", "reason", "record").get();

  private final JdbcTemplate jdbc;

  public QuarantineLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String study, long jobExecutionId, QuarantinedRecord record) {
    jdbc.update(
        "insert into quarantine (study, job_execution_id, input_name, file_name, location, reason, record_text) values (?, ?, ?, ?, ?, ?, ?)",
        study,
        jobExecutionId,
        record.input(),
        record.fileName(),
        record.location(),
        truncate(record.reason(), 2000),
        truncate(record.recordText(), 4000));
  }

  /** Carries a file's quarantined records from the run that read it into a later run. */
  public void copy(String study, long fromRun, long toRun, String fileName) {
    jdbc.update(
        "insert into quarantine (study, job_execution_id, input_name, file_name, location, reason, record_text)"
            + " select study, ?, input_name, file_name, location, reason, record_text from quarantine"
            + " where study = ? and job_execution_id = ? and file_name = ?",
        toRun,
        study,
        fromRun,
        fileName);
  }

  public void clearRun(String study, long jobExecutionId, String input) {
    jdbc.update(
        "delete from quarantine where study = ? and job_execution_id = ? and input_name = ?",
        study,
        jobExecutionId,
        input);
  }

  public List<QuarantinedRecord> forRun(String study, long jobExecutionId) {
    return jdbc.query(
        "select input_name, file_name, location, reason, record_text from quarantine where study = ? and job_execution_id = ? order by input_name, file_name",
        (rs, i) ->
            new QuarantinedRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        study,
        jobExecutionId);
  }

  /**
   * Writes the records to {@code quarantine.csv} in {@code directory}: raw input rows, so the
   * folder is the owner's only (rwx------, the file rw-------) and every cell is spreadsheet-safe.
   */
  public Path export(List<QuarantinedRecord> records, Path directory) {
    PrivateFolders.create(directory);
    Path written =
        OutputFiles.write(
            directory.resolve("quarantine.csv"),
            out -> {
              CSVPrinter printer = EXPORT.print(out);
              for (QuarantinedRecord r : records) {
                printer.printRecord(
                    Stream.of(r.input(), r.fileName(), r.location(), r.reason(), r.recordText())
                        .map(SpreadsheetText::cell));
              }
              printer.flush();
            });
    PrivateFolders.restrict(directory);
    return written;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
