package org.triangulate.ingest;

/**
 * A record that fails validation. Thrown by processors and turned into a quarantine entry by {@link
 * QuarantineSkipListener}; the step goes on.
 */
public class InvalidRecordException extends RuntimeException {

  public InvalidRecordException(String reason) {
    super(reason);
  }

  /** A reason naming the column and the offending value. */
  public static InvalidRecordException badValue(String column, String value, String expectation) {
    return new InvalidRecordException("column " + column + ": '" + value + "' " + expectation);
  }
}
