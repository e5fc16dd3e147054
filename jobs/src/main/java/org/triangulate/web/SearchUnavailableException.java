package org.triangulate.web;

/**
 * Elasticsearch could not answer: unreachable, or the extracts index does not exist yet (before the
 * first nightly run). Answered with 503 and a message an analyst can act on.
 */
public class SearchUnavailableException extends RuntimeException {
  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
