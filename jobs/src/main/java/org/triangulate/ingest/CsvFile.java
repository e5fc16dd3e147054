package org.triangulate.ingest;

import java.util.List;

/**
 * An input CSV as read: its encoding, the header as written, the data rows, and the records that
 * could not be parsed as CSV at all (already quarantined with their lines). Notes say what was
 * tolerated on the way (encoding, blank rows). Immutable.
 */
public record CsvFile(
    String fileName,
    String encoding,
    List<String> headers,
    List<CsvRow> rows,
    List<QuarantinedRecord> unreadable,
    List<String> notes) {

  public CsvFile {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
    unreadable = List.copyOf(unreadable);
    notes = List.copyOf(notes);
  }

  /** The normalised header names that appear more than once, with their 1-based columns. */
  public java.util.Map<String, List<Integer>> duplicateColumns() {
    java.util.Map<String, List<Integer>> columns = new java.util.LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String key = CsvRow.squash(CsvRow.normalise(headers.get(i)));
      if (!key.isEmpty()) {
        columns.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(i + 1);
      }
    }
    columns.values().removeIf(c -> c.size() < 2);
    return columns;
  }
}
