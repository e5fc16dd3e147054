package org.triangulate.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of one input CSV (header row required). A missing file reads as empty: the
 * ingest step reports it, and the night goes on. Restartable through the item count Spring Batch
 * keeps in the step's execution context. Not thread-safe (one per step execution).
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

  /**
   * Built once: header row, quoted fields with newlines, blank lines and surrounding spaces
   * tolerated.
   */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .setAllowMissingColumnNames(true)
          .get();

  private final Path file;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private Map<String, String> normalisedHeaders;

  public CsvRowReader(Path file) {
    this.file = file;
    setName("csv-" + file.getFileName());
  }

  public Path file() {
    return file;
  }

  @Override
  protected void doOpen() throws IOException {
    if (!Files.isRegularFile(file)) {
      records = java.util.Collections.emptyIterator();
      return;
    }
    // Excel writes a byte-order mark that would otherwise become part of the first header.
    Reader reader =
        new InputStreamReader(
            BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(),
            StandardCharsets.UTF_8);
    parser = FORMAT.parse(reader);
    normalisedHeaders = new LinkedHashMap<>();
    for (String header : parser.getHeaderNames()) {
      normalisedHeaders.put(header, normaliseHeader(header));
    }
    records = parser.iterator();
  }

  @Override
  protected CsvRow doRead() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      Map<String, String> fields = new LinkedHashMap<>();
      record
          .toMap()
          .forEach((header, value) ->
              fields.put(normalisedHeaders.get(header), value == null ? "" : value));
      return new CsvRow(file.getFileName().toString(), parser.getCurrentLineNumber(), fields);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(
          file + " near line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected void doClose() throws IOException {
    if (parser != null) {
      parser.close();
      parser = null;
    }
  }

  static String normaliseHeader(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }
}
