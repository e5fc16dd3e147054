package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an input CSV as people's tools write it: any encoding {@link DecodedText} accepts, CRLF or
 * LF, quoted fields with line breaks, blank lines and rows of empty fields (Excel's trailing rows),
 * surrounding spaces, fewer fields than the header. A record that cannot be parsed (an unclosed
 * quote, text after a closing quote) or that has more non-blank fields than the header is
 * quarantined with its line, and reading goes on from the next line, so every line of the file is
 * either a row, blank, or quarantined. Stateless and thread-safe.
 */
public final class CsvFileReader {

  /** Built once: no header handling here (the first record is the header), lenient spacing. */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .get();

  private static final int PREVIEW = 80;

  private CsvFileReader() {}

  public static CsvFile read(Path file, String fileName) {
    return read(file, fileName, InputLimits.DEFAULTS);
  }

  /** Streams the file: it is never held whole, and a line over the cap is never held at all. */
  public static CsvFile read(Path file, String fileName, InputLimits limits) {
    return parse(fileName, () -> Files.newInputStream(file), limits);
  }

  public static CsvFile parse(String fileName, byte[] bytes) {
    return parse(fileName, bytes, InputLimits.DEFAULTS);
  }

  public static CsvFile parse(String fileName, byte[] bytes, InputLimits limits) {
    return parse(fileName, () -> new ByteArrayInputStream(bytes), limits);
  }

  private static CsvFile parse(String fileName, BoundedText.Source source, InputLimits limits) {
    List<String> notes = new ArrayList<>();
    BoundedText decoded;
    long maxLine = limits.maxCsvLineLength().toBytes();
    try {
      decoded = BoundedText.read(source, maxLine, limits.maxCsvSize().toBytes());
    } catch (InvalidRecordException e) {
      return new CsvFile(
          fileName,
          "unknown",
          List.of(),
          List.of(),
          List.of(new QuarantinedRecord(null, fileName, "file", e.getMessage(), null)),
          notes);
    }
    if (decoded.note() != null) {
      notes.add(decoded.note());
    }
    return new Parse(fileName, decoded.text(), notes, decoded.longLines(), maxLine)
        .run(decoded.encoding());
  }

  /** One pass over the text, restarting the parser after each unreadable record. */
  private static final class Parse {
    private final String fileName;
    private final String text;
    private final TextLines lines;
    private final List<String> notes;
    private final List<QuarantinedRecord> unreadable = new ArrayList<>();
    private final List<CsvRow> rows = new ArrayList<>();
    private final List<BoundedText.LongLine> longLines;
    private final long maxLine;
    private List<String> headers;
    private Map<String, String> headerOf;
    private String headerProblem;
    private final java.util.Set<Long> claimed = new java.util.HashSet<>();
    private int blankRows;

    Parse(
        String fileName,
        String text,
        List<String> notes,
        List<BoundedText.LongLine> longLines,
        long maxLine) {
      this.fileName = fileName;
      this.text = text;
      this.lines = new TextLines(text);
      this.notes = notes;
      this.longLines = longLines;
      this.maxLine = maxLine;
    }

    CsvFile run(String encoding) {
      int from = 0;
      while (from < text.length()) {
        from = parseFrom(from);
      }
      for (BoundedText.LongLine longLine : longLines) {
        if (claimed.contains(longLine.line())) {
          continue;
        }
        unreadable.add(
            new QuarantinedRecord(
                null,
                fileName,
                "line " + longLine.line(),
                "the line is "
                    + longLine.length()
                    + " characters long, over the cap of "
                    + maxLine
                    + " (triangulate.input.max-csv-line-length); not read",
                longLine.start() + "…"));
      }
      if (headers == null) {
        notes.add("empty file: no header row");
        headers = List.of();
      }
      headerOf = headerOf == null ? Map.of() : headerOf;
      if (blankRows > 0) {
        notes.add(blankRows + " row(s) of empty fields ignored");
      }
      return new CsvFile(fileName, encoding, headers, rows, unreadable, notes);
    }

    /** Parses from a character offset; returns where to go on (end of text when done). */
    private int parseFrom(int from) {
      int firstLine = lines.lineIndexOf(from);
      List<int[]> pending = new ArrayList<>();
      List<CSVRecord> records = new ArrayList<>();
      int nextLine = firstLine;
      try (CSVParser parser = FORMAT.parse(new StringReader(text.substring(from)))) {
        var iterator = parser.iterator();
        while (true) {
          CSVRecord record;
          try {
            if (!iterator.hasNext()) {
              break;
            }
            record = iterator.next();
          } catch (RuntimeException e) {
            int bad = lines.firstNonBlankLineFrom(nextLine);
            flush(records, pending, bad < 0 ? text.length() : lines.start(bad));
            if (bad < 0) {
              return text.length();
            }
            unreadable.add(
                new QuarantinedRecord(
                    null,
                    fileName,
                    "line " + (bad + 1),
                    "not readable as CSV: " + csvProblem(e),
                    lines.line(bad)));
            if (headers == null) {
              // Without a header no row can be read: each is quarantined, none taken as a header.
              headers = List.of();
              for (int l = bad + 1; l < lines.count(); l++) {
                if (!lines.line(l).isBlank()) {
                  unreadable.add(
                      new QuarantinedRecord(
                          null,
                          fileName,
                          "line " + (l + 1),
                          "the header (line " + (bad + 1) + ") is not readable, so no row can be",
                          lines.line(l)));
                }
              }
              return text.length();
            }
            return bad + 1 < lines.count() ? lines.start(bad + 1) : text.length();
          }
          // The parser's position can point at blank lines it skipped before the record.
          int start = from + (int) record.getCharacterPosition();
          int line = lines.lineIndexOf(start);
          if (lines.line(line).isBlank()) {
            int real = lines.firstNonBlankLineFrom(line);
            start = real < 0 ? start : lines.start(real);
          }
          records.add(record);
          pending.add(new int[] {start, lines.lineIndexOf(start)});
          nextLine = firstLine + (int) parser.getCurrentLineNumber();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      flush(records, pending, text.length());
      return text.length();
    }

    /** Accepts parsed records; each one's text runs to the next one's start (or {@code end}). */
    private void flush(List<CSVRecord> records, List<int[]> starts, int end) {
      for (int i = 0; i < records.size(); i++) {
        int start = starts.get(i)[0];
        int until = i + 1 < records.size() ? starts.get(i + 1)[0] : end;
        accept(
            records.get(i),
            starts.get(i)[1] + 1,
            text.substring(start, Math.max(start, until)).strip());
      }
      records.clear();
      starts.clear();
    }

    private void accept(CSVRecord record, long line, String rawText) {
      List<String> values = record.toList();
      long last = line + new TextLines(rawText).count() - 1;
      String tooLong = tooLong(line, last, rawText);
      if (headers == null) {
        var before = longLines.stream().filter(l -> l.line() < line).findFirst();
        if (tooLong != null || before.isPresent()) {
          // The header is over the cap: no row can be read, and none is taken as a header.
          headers = List.of();
          headerOf = Map.of();
          headerProblem =
              "the header (line "
                  + (tooLong != null ? line : before.get().line())
                  + ") is over the length cap, so no row can be";
        }
      }
      if (tooLong != null || headerProblem != null) {
        String shown =
            rawText.length() > maxLine
                ? rawText.substring(0, Math.min(PREVIEW, rawText.length())) + "…"
                : rawText;
        unreadable.add(
            new QuarantinedRecord(
                null,
                fileName,
                lines(line, last),
                tooLong != null ? tooLong : headerProblem,
                shown));
        return;
      }
      if (headers == null) {
        headers = values;
        headerOf = new LinkedHashMap<>();
        for (String header : headers) {
          headerOf.putIfAbsent(CsvRow.normalise(header), header);
        }
        return;
      }
      if (values.stream().allMatch(String::isBlank)) {
        blankRows++;
        return;
      }
      int extra = 0;
      for (int i = headers.size(); i < values.size(); i++) {
        extra += values.get(i).isBlank() ? 0 : 1;
      }
      if (extra > 0) {
        long breaks = new TextLines(rawText).count() - 1;
        unreadable.add(
            new QuarantinedRecord(
                null,
                fileName,
                breaks == 0 ? "line " + line : "lines " + line + "-" + (line + breaks),
                values.size()
                    + " fields where the header has "
                    + headers.size()
                    + " (an unquoted comma in a value?)",
                rawText));
        return;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        String key = CsvRow.normalise(headers.get(i));
        if (key.isEmpty() || fields.containsKey(key)) {
          continue;
        }
        fields.put(key, i < values.size() ? values.get(i) : "");
      }
      rows.add(new CsvRow(fileName, line, fields, headerOf, rawText));
    }

    /** Why a record over the cap (or holding a line kept out for its length) is not read. */
    private String tooLong(long first, long last, String rawText) {
      for (BoundedText.LongLine longLine : longLines) {
        if (longLine.line() >= first && longLine.line() <= last) {
          claimed.add(longLine.line());
          return "the record holds line "
              + longLine.line()
              + ", over the length cap (triangulate.input.max-csv-line-length); not read";
        }
      }
      if (rawText.length() > maxLine) {
        return "the record is "
            + rawText.length()
            + " characters long, over the cap of "
            + maxLine
            + " (triangulate.input.max-csv-line-length); not read";
      }
      return null;
    }

    private static String lines(long first, long last) {
      return first == last ? "line " + first : "lines " + first + "-" + last;
    }

    private static String csvProblem(RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      String lower = message.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("eof reached before encapsulated token finished")) {
        return "a quoted field is never closed";
      }
      if (lower.contains("invalid character between encapsulated token and delimiter")
          || lower.contains("invalid char between encapsulated token and delimiter")) {
        return "text after a closing quote (a quote inside a quoted field must be doubled)";
      }
      return message.replaceAll("^\\(line \\d+\\) ", "");
    }
  }
}
