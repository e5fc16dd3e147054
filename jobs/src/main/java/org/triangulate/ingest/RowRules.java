package org.triangulate.ingest;

import java.util.Locale;
import java.util.Map;
import org.triangulate.study.Study;

/** Field checks shared by the row validators, each failing with a message that names the column. */
final class RowRules {

  private RowRules() {}

  /** Fails when the header has no such column at all (a clearer message than a blank value). */
  static void requireColumn(CsvRow row, String column) {
    if (!row.has(column)) {
      throw new InvalidRecordException(
          "no column "
              + column
              + " in the header (found: "
              + String.join(", ", row.fields().keySet())
              + ")");
    }
  }

  static String requireId(CsvRow row, String column) {
    requireColumn(row, column);
    String id = row.get(column);
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
      throw InvalidRecordException.badValue(
          row,
          column,
          id.isEmpty()
              ? "is blank: an id is required"
              : "is not an id (letters, digits, '_', '.', '-', at most 100)");
    }
    return id;
  }

  /**
   * The attribute's declared value for the field: its id, or its label, in any letter case ({@code
   * NHS} for {@code nhs: NHS}); anything else fails naming the declared values.
   */
  static String requireDeclared(CsvRow row, Study.Attribute attribute) {
    requireColumn(row, attribute.id());
    String value = row.get(attribute.id());
    String wanted = value.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> declared : attribute.values().entrySet()) {
      if (declared.getKey().toLowerCase(Locale.ROOT).equals(wanted)
          || (declared.getValue() != null
              && declared.getValue().toLowerCase(Locale.ROOT).equals(wanted))) {
        return declared.getKey();
      }
    }
    throw InvalidRecordException.badValue(
        row,
        attribute.id(),
        "is not one of " + attribute.values().keySet() + " declared in study.yml");
  }
}
