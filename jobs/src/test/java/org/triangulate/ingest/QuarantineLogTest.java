package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine as people open it: spreadsheet-safe cells, readable by the owner only. */
class QuarantineLogTest {

  @TempDir Path work;

  @Test
  void formulaCellsOfARawRowAreWrittenAsText() throws Exception {
    List<QuarantinedRecord> records =
        List.of(
            new QuarantinedRecord(
                "responses",
                "responses.csv",
                "line 4",
                "happening: '=1+1' is not an answer",
                "=HYPERLINK(\"http://example.invalid\",\"click\"),@SUM(A1), =2,\uFF1D3"),
            new QuarantinedRecord("cases", "cases.csv", "line 2", "+ not a case", "@SUM(A1:A9)"));

    Path written = new QuarantineLog(null).export(records, work.resolve("quarantine"));

    List<CSVRecord> rows = read(written);
    assertThat(rows.get(0).get("record")).startsWith("'=HYPERLINK(");
    assertThat(rows.get(1).get("record")).isEqualTo("'@SUM(A1:A9)");
    assertThat(rows.get(1).get("reason")).isEqualTo("'+ not a case");
    assertThat(rows.get(0).get("reason")).isEqualTo("happening: '=1+1' is not an answer");
  }

  @Test
  void theQuarantineFolderAndItsFilesAreTheOwnersOnly() throws Exception {
    Path folder = work.resolve("quarantine");
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path earlier = Files.writeString(folder.resolve("older.csv"), "input\n");
    Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));

    Path written =
        new QuarantineLog(null)
            .export(
                List.of(new QuarantinedRecord("cases", "cases.csv", "line 2", "bad", "C1,x")),
                folder);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(earlier)))
        .isEqualTo("rw-------");
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
