package org.triangulate.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * One data row of an input CSV, with the file and 1-based line it came from and its fields keyed by
 * normalised header name (lower case, trimmed, spaces as underscores).
 */
public record CsvRow(String fileName, long line, Map<String, String> fields) {

  public CsvRow {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The field's trimmed value, or empty when the column is missing or blank. */
  public String get(String column) {
    String value = fields.get(column);
    return value == null ? "" : value.strip();
  }

  /** The row as a CSV line in its columns' order, for the quarantine report. */
  public String asText() {
    return CSVFormat.RFC4180.format(fields.values().toArray());
  }
}
