package org.triangulate.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * One data row of an input CSV: the file and 1-based line it starts on, its fields keyed by
 * normalised header name ({@link #normalise}), each column's header as written (for messages), and
 * the row's text as it stands in the file. Lookups tolerate header case, spacing and punctuation
 * ({@code "Participant ID"}, {@code participant-id} and {@code ParticipantID} all answer {@code
 * get("participant_id")}). Immutable.
 */
public record CsvRow(
    String fileName,
    long line,
    Map<String, String> fields,
    Map<String, String> headers,
    String text) {

  public CsvRow {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A row whose columns are named as normalised already (tests, wide-form expansion). */
  public CsvRow(String fileName, long line, Map<String, String> fields) {
    this(fileName, line, fields, Map.of(), null);
  }

  /** The field's trimmed value, or empty when the column is missing or blank. */
  public String get(String column) {
    String key = key(column);
    String value = key == null ? null : fields.get(key);
    return value == null ? "" : value.strip();
  }

  public boolean has(String column) {
    return key(column) != null;
  }

  /** The column's header as written in the file, for messages; the name itself when unknown. */
  public String header(String column) {
    String key = key(column);
    return key == null ? column : headers.getOrDefault(key, key);
  }

  /** The row as it stands in the file, or as a CSV line of its fields when built in code. */
  public String asText() {
    return text != null ? text : CSVFormat.RFC4180.format(fields.values().toArray());
  }

  private String key(String column) {
    String normalised = normalise(column);
    if (fields.containsKey(normalised)) {
      return normalised;
    }
    String squashed = squash(normalised);
    for (String key : fields.keySet()) {
      if (squash(key).equals(squashed)) {
        return key;
      }
    }
    return null;
  }

  /** Lower case, runs of anything but letters and digits as one '_', none at either end. */
  public static String normalise(String header) {
    String lower = header.strip().toLowerCase(java.util.Locale.ROOT).replace("\uFEFF", "");
    return lower.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
  }

  static String squash(String normalised) {
    return normalised.replace("_", "");
  }
}
