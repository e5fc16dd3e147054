package org.triangulate.ingest;

/**
 * A record that fails validation, with a reason that names the column (as written in the file) and
 * the offending value. Caught by the input loaders and turned into a quarantine entry; the night
 * goes on.
 */
public class InvalidRecordException extends RuntimeException {

  public InvalidRecordException(String reason) {
    super(reason);
  }

  /** {@code column Importance: '7' is not a whole number from 1 to 4 or blank}. */
  public static InvalidRecordException badValue(CsvRow row, String column, String expectation) {
    return new InvalidRecordException(
        "column " + row.header(column) + ": '" + row.get(column) + "' " + expectation);
  }
}
