package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvFileReaderTest {

  private static CsvFile parse(String text) {
    return CsvFileReader.parse("responses.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dropsTheByteOrderMarkAndReadsHeadersWhateverTheirCaseSpacingAndPunctuation() {
    // given an Excel export: BOM, "Participant ID", "Item-ID", " HAPPENING "
    byte[] bytes =
        ("\uFEFFParticipant ID,Item-ID, HAPPENING ,importance\nP01,sup_access,yes,3\n")
            .getBytes(StandardCharsets.UTF_8);

    // when
    CsvFile file = CsvFileReader.parse("responses.csv", bytes);

    // then
    assertThat(file.encoding()).isEqualTo("UTF-8 with BOM");
    CsvRow row = file.rows().getFirst();
    assertThat(row.get("participant_id")).isEqualTo("P01");
    assertThat(row.get("item_id")).isEqualTo("sup_access");
    assertThat(row.get("happening")).isEqualTo("yes");
    assertThat(row.header("participant_id")).isEqualTo("Participant ID");
    assertThat(row.get("ParticipantID")).isEqualTo("P01");
  }

  @Test
  void detectsWindows1252AndSaysSo() {
    // given "Don’t know" written by Excel on Windows: the curly apostrophe is byte 0x92
    byte[] bytes = {
      'i', 'd', ',', 'a', '\r', '\n', 'P', '1', ',', 'D', 'o', 'n', (byte) 0x92, 't', '\r', '\n'
    };

    // when
    CsvFile file = CsvFileReader.parse("responses.csv", bytes);

    // then
    assertThat(file.encoding()).isEqualTo("Windows-1252");
    assertThat(file.notes())
        .containsExactly(
            "not valid UTF-8 (first bad byte 0x92 at byte offset 12): decoded as Windows-1252");
    assertThat(file.rows().getFirst().get("a")).isEqualTo("Don\u2019t");
  }

  @Test
  void countsLinesFromTheHeaderAcrossCrlfBlankLinesAndQuotedLineBreaks() {
    // given
    String text =
        "case_id,name\r\n"
            + "C01,\"North\r\nward\"\r\n"
            + "\r\n"
            + "C02,South\r\n"
            + ",\r\n"
            + "\r\n";

    // when
    CsvFile file = parse(text);

    // then: C01 starts on line 2 and spans two lines; C02 is on line 5 after a blank line; the
    // row of empty fields and trailing blank lines are ignored
    assertThat(file.rows())
        .extracting(CsvRow::line, r -> r.get("case_id"), r -> r.get("name"))
        .containsExactly(tuple(2L, "C01", "North\r\nward"), tuple(5L, "C02", "South"));
    assertThat(file.notes()).containsExactly("1 row(s) of empty fields ignored");
    assertThat(file.unreadable()).isEmpty();
  }

  @Test
  void quarantinesAnUnclosedQuoteOnItsLineAndReadsOnFromTheNextLine() {
    // given
    String text = "case_id,name\nC01,\"North\nC02,South\nC03,East\n";

    // when
    CsvFile file = parse(text);

    // then
    assertThat(file.unreadable())
        .extracting(
            QuarantinedRecord::location, QuarantinedRecord::reason, QuarantinedRecord::recordText)
        .containsExactly(
            tuple("line 2", "not readable as CSV: a quoted field is never closed", "C01,\"North"));
    assertThat(file.rows()).extracting(CsvRow::line).containsExactly(3L, 4L);
  }

  @Test
  void quarantinesTextAfterAClosingQuote() {
    // when
    CsvFile file = parse("case_id,name\nC01,\"North\"ward\nC02,South\n");

    // then
    assertThat(file.unreadable())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactly(
            tuple(
                "line 2",
                "not readable as CSV: text after a closing quote (a quote inside a quoted field must be doubled)"));
    assertThat(file.rows()).extracting(r -> r.get("case_id")).containsExactly("C02");
  }

  @Test
  void quarantinesARowWithMoreValuesThanTheHeaderButToleratesTrailingEmptyOnes() {
    // when
    CsvFile file = parse("case_id,name\nC01,North,,\nC02,South,extra\nC03\n");

    // then
    assertThat(file.unreadable())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactly(
            tuple("line 3", "3 fields where the header has 2 (an unquoted comma in a value?)"));
    assertThat(file.rows())
        .extracting(r -> r.get("case_id"), r -> r.get("name"))
        .containsExactly(tuple("C01", "North"), tuple("C03", ""));
  }

  @Test
  void keepsEachRowsTextAsItStandsInTheFile() {
    // when
    CsvFile file = parse("a,b\n  x , \"y, z\"  \n");

    // then
    assertThat(file.rows().getFirst().asText()).isEqualTo("x , \"y, z\"");
    assertThat(file.rows().getFirst().get("b")).isEqualTo("y, z");
  }

  @Test
  void readsAnEmptyFileAsNoRowsWithANote() {
    // when
    CsvFile file = parse("");

    // then
    assertThat(file.rows()).isEmpty();
    assertThat(file.notes()).containsExactly("empty file: no header row");
  }

  @Test
  void refusesBinaryContentAsOneUnreadableRecord() {
    // when
    CsvFile file = CsvFileReader.parse("cases.csv", new byte[] {'a', 0, 'b'});

    // then
    assertThat(file.unreadable())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactly(
            tuple(
                "file",
                "byte offset 1: a NUL byte; not a text file (UTF-16 without a byte-order mark, or binary)"));
  }

  @Test
  void readsUtf16WithItsByteOrderMark() {
    // given
    byte[] bytes = "\uFEFFcase_id\nC01\n".getBytes(StandardCharsets.UTF_16LE);

    // when
    CsvFile file = CsvFileReader.parse("cases.csv", bytes);

    // then
    assertThat(file.encoding()).isEqualTo("UTF-16LE");
    assertThat(file.rows()).extracting(r -> r.get("case_id")).containsExactly("C01");
  }

  private static InputLimits lineCap(long characters) {
    InputLimits d = InputLimits.DEFAULTS;
    return new InputLimits(
        d.maxTranscriptSize(),
        d.maxDocxXmlSize(),
        d.maxArchiveSize(),
        d.maxArchiveEntries(),
        org.springframework.util.unit.DataSize.ofBytes(characters),
        d.maxCsvSize());
  }

  @Test
  void quarantinesARecordWhoseQuotedLinesTogetherPassTheCap() {
    // given a cap of 40 characters and a quoted field of three short lines, 45 characters in all
    String text = "case_id,name\nC01,\"North ward, first floor\nsecond\nthird\"\nC02,South\n";

    // when
    CsvFile file =
        CsvFileReader.parse("cases.csv", text.getBytes(StandardCharsets.UTF_8), lineCap(40));

    // then the record is quarantined by its lines, and the next row reads
    assertThat(file.unreadable())
        .extracting(QuarantinedRecord::location)
        .containsExactly("lines 2-4");
    assertThat(file.unreadable().getFirst().reason()).contains("max-csv-line-length");
    assertThat(file.rows()).extracting(CsvRow::line).containsExactly(5L);
  }

  @Test
  void quarantinesEveryRowWhenTheHeaderIsOverTheCap() {
    // given a header of 50 characters against a cap of 40
    String text = "case_id," + "n".repeat(42) + "\nC01,North\nC02,South\n";

    // when
    CsvFile file =
        CsvFileReader.parse("cases.csv", text.getBytes(StandardCharsets.UTF_8), lineCap(40));

    // then no row is read against a header that was never read, and every line is accounted for
    assertThat(file.rows()).isEmpty();
    assertThat(file.unreadable())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactlyInAnyOrder(
            tuple(
                "line 1",
                "the line is 50 characters long, over the cap of 40"
                    + " (triangulate.input.max-csv-line-length); not read"),
            tuple("line 2", "the header (line 1) is over the length cap, so no row can be"),
            tuple("line 3", "the header (line 1) is over the length cap, so no row can be"));
  }
}
