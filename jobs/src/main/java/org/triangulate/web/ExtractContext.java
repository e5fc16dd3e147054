package org.triangulate.web;

import java.util.List;

/**
 * An extract with the turns around it in its transcript, from the staged store and de-identified
 * like the index. {@code inStore} is false when the transcript changed since the index was built
 * and the extract's neighbours can no longer be told. Immutable.
 */
public record ExtractContext(
    ExtractHit extract, List<Turn> before, List<Turn> after, boolean inStore) {

  public ExtractContext {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** A segment near the extract: who spoke (interviewer or participant, never a name) and what. */
  public record Turn(
      String id, String speakerRole, int turnIndex, int startOffset, int endOffset, String text) {}
}
