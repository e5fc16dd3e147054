package org.triangulate.align;

/** The sentence-embedding model could not be loaded or run; the night stops before the packs. */
public class AlignmentModelException extends RuntimeException {
  public AlignmentModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
