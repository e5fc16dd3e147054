package org.triangulate.ingest;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether a night may remove what an input loaded before now that its files are gone ({@code
 * triangulate.removal.*}). A folder that vanished whole, or an input file that did, is more often
 * an unmounted share or a mistaken move than a decision to delete a study's data: then nothing is
 * removed. Nor is anything when more than {@code maxShare} of an input's files vanished at once.
 * {@code allowed} (the run command's {@code --allow-removal}) lets such a night remove them.
 * Immutable.
 */
public record RemovalGuard(
    @DefaultValue("0.25") double maxShare, @DefaultValue("false") boolean allowed) {

  public static final RemovalGuard DEFAULTS = new RemovalGuard(0.25, false);

  /** The run report's status of a file kept although it is gone. */
  public static final String KEPT = "missing, kept";

  public RemovalGuard {
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new IllegalArgumentException(
          "triangulate.removal.max-share: must be a share from 0 to 1, e.g. 0.25 (was "
              + maxShare
              + ")");
    }
  }

  /**
   * Why removing {@code vanished} of the {@code before} files an input held is refused, or null
   * when it may go ahead.
   *
   * @param what the input as people name it: {@code transcripts/}, {@code coding/}, {@code
   *     participants.csv}
   * @param whole whether the folder (or the file) is gone as a whole, or empty
   */
  public String refusal(String what, int before, int vanished, boolean whole) {
    if (allowed || vanished == 0) {
      return null;
    }
    String advice = "; nothing is removed (run with --allow-removal to remove them)";
    if (whole) {
      return what
          + " is missing or empty (not mounted?) while "
          + before
          + " file(s) loaded from it before"
          + advice;
    }
    if (vanished > maxShare * before) {
      return vanished
          + " of the "
          + before
          + " files of "
          + what
          + " vanished at once, more than triangulate.removal.max-share ("
          + Math.round(maxShare * 100)
          + "%) allows"
          + advice;
    }
    return null;
  }
}
