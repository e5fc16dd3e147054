package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvRowReaderTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path directory;

  @Test
  void dropsTheByteOrderMarkAndNormalisesHeaderCaseAndSpacing() throws Exception {
    // given: Excel's BOM, CRLF, headers with capitals, inner and surrounding spaces and a hyphen
    Path file =
        write(
            "responses.csv",
            BOM,
            "Participant  ID, Item-ID ,HAPPENING,Importance\r\nP01,sup_access,yes,3\r\n");

    // when
    List<CsvRow> rows = readAll(file);

    // then
    assertThat(rows)
        .singleElement()
        .satisfies(row -> {
          assertThat(row.fileName()).isEqualTo("responses.csv");
          assertThat(row.fields())
              .isEqualTo(
                  Map.of(
                      "participant_id",
                      "P01",
                      "item_id",
                      "sup_access",
                      "happening",
                      "yes",
                      "importance",
                      "3"));
        });
  }

  @Test
  void readsCrlfFileWithLineNumbersCountedFromTheHeader() throws Exception {
    // given: header on line 1, rows on lines 2 and 3, the last without a line ending
    Path file = write("cases.csv", new byte[0], "case_id,name\r\nC01,North\r\nC02,South");

    // when
    List<CsvRow> rows = readAll(file);

    // then
    assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L);
    assertThat(rows).extracting(row -> row.get("name")).containsExactly("North", "South");
  }

  @Test
  void skipsBlankLinesButCountsThemInLineNumbers() throws Exception {
    // given
    String csv =
        """
        case_id,name

        C01,North


        C02,South

        """;
    // line 1 header, 2 blank, 3 C01, 4 and 5 blank, 6 C02, 7 blank
    Path file = write("cases.csv", new byte[0], csv);

    // when
    List<CsvRow> rows = readAll(file);

    // then
    assertThat(rows).extracting(row -> row.get("case_id")).containsExactly("C01", "C02");
    assertThat(rows).extracting(CsvRow::line).containsExactly(3L, 6L);
  }

  @Test
  void keepsQuotedFieldWithEmbeddedNewlineInOneRow() throws Exception {
    // given: the C01 record spans lines 2 and 3; C02 is on line 4
    Path file =
        write("cases.csv", new byte[0], "case_id,name\nC01,\"Ward 7,\nNorth site\"\nC02,South\n");

    // when
    List<CsvRow> rows = readAll(file);

    // then
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("name")).isEqualTo("Ward 7,\nNorth site");
    assertThat(rows.get(1).get("case_id")).isEqualTo("C02");
    assertThat(rows.get(1).line()).isEqualTo(4L);
  }

  @Test
  void readsFieldsTrimmedAndMissingOrBlankColumnsAsEmpty() throws Exception {
    // given
    Path file =
        write(
            "participants.csv",
            new byte[0],
            "participant_id,case_id,interview_date\n  P01 , C01 ,\n");

    // when
    CsvRow row = readAll(file).getFirst();

    // then
    assertThat(row.get("participant_id")).isEqualTo("P01");
    assertThat(row.get("case_id")).isEqualTo("C01");
    assertThat(row.get("interview_date")).isEmpty();
    assertThat(row.get("no_such_column")).isEmpty();
  }

  @Test
  void readsMissingFileAsEmpty() throws Exception {
    // given
    CsvRowReader reader = new CsvRowReader(directory.resolve("absent.csv"));

    // when
    reader.open(new ExecutionContext());
    CsvRow first = reader.read();
    reader.close();

    // then
    assertThat(first).isNull();
  }

  @Test
  void resumesAfterTheRowsCountedInTheExecutionContext() throws Exception {
    // given: a first run read one row and saved its position
    Path file = write("cases.csv", new byte[0], "case_id\nC01\n\nC02\nC03\n");
    ExecutionContext context = new ExecutionContext();
    CsvRowReader firstRun = new CsvRowReader(file);
    firstRun.open(context);
    firstRun.read();
    firstRun.update(context);
    firstRun.close();

    // when: a restart opens a new reader on the same context
    List<CsvRow> rest = new ArrayList<>();
    CsvRowReader restart = new CsvRowReader(file);
    restart.open(context);
    for (CsvRow row = restart.read(); row != null; row = restart.read()) {
      rest.add(row);
    }
    restart.close();

    // then
    assertThat(rest).extracting(row -> row.get("case_id")).containsExactly("C02", "C03");
    assertThat(rest).extracting(CsvRow::line).containsExactly(4L, 5L);
  }

  private Path write(String name, byte[] prefix, String content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(prefix);
    bytes.write(content.getBytes(StandardCharsets.UTF_8));
    return Files.write(directory.resolve(name), bytes.toByteArray());
  }

  private static List<CsvRow> readAll(Path file) throws Exception {
    CsvRowReader reader = new CsvRowReader(file);
    reader.open(new ExecutionContext());
    List<CsvRow> rows = new ArrayList<>();
    try {
      for (CsvRow row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    } finally {
      reader.close();
    }
    return rows;
  }
}
