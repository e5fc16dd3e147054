package org.triangulate.ingest;

import org.triangulate.study.Study;

/** Field checks shared by the row processors, each failing with a message that names the column. */
final class RowRules {

  private RowRules() {}

  static String requireId(CsvRow row, String column) {
    String id = row.get(column);
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
      throw InvalidRecordException.badValue(
          column, id, "is not an id (letters, digits, '_', '.', '-')");
    }
    return id;
  }

  static String requireDeclared(CsvRow row, Study.Attribute attribute) {
    String value = row.get(attribute.id());
    if (!attribute.values().containsKey(value)) {
      throw InvalidRecordException.badValue(
          attribute.id(),
          value,
          "is not one of " + attribute.values().keySet() + " declared in study.yml");
    }
    return value;
  }
}
