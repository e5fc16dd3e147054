package org.triangulate.index;

/**
 * Bulk indexing cannot go on: Elasticsearch kept refusing (429 / 503) or stayed unreachable after
 * every retry, or answered with an error no retry can fix. Not raised for a single bad document,
 * which is quarantined instead.
 */
public class BulkIndexingException extends RuntimeException {
  public BulkIndexingException(String message, Throwable cause) {
    super(message, cause);
  }
}
