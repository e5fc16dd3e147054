package org.triangulate.ingest;

/**
 * A bad input record set aside: which input, which file, where in it ({@code line 12}, {@code lines
 * 4-6}, {@code byte offset 812}, {@code selection <guid>} or {@code file}), why, and the record's
 * text when there is one.
 */
public record QuarantinedRecord(
    String input, String fileName, String location, String reason, String recordText) {

  public QuarantinedRecord withInput(String inputName) {
    return new QuarantinedRecord(inputName, fileName, location, reason, recordText);
  }

  /** One line for people: {@code responses.csv: line 12: column importance: '7' is not ...}. */
  public String describe() {
    return fileName + ": " + location + ": " + reason;
  }
}
