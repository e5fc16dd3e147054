package org.triangulate.stats;

import java.util.List;

/** How numbers and lists are written to the stats files: exact, and empty when undefined. */
final class Cells {

  static final String LIST_SEPARATOR = ";";

  private Cells() {}

  /** Shortest text that reads back as the same double; empty for NaN and infinities. */
  static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }

  static String number(Integer value) {
    return value == null ? "" : value.toString();
  }

  static String list(List<String> values) {
    return String.join(LIST_SEPARATOR, values);
  }

  static String text(String value) {
    return value == null ? "" : value;
  }
}
