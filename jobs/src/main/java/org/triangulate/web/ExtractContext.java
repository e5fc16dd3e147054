package org.triangulate.web;

import java.util.List;

/**
 * An extract with the turns around it in its transcript, from the index. {@code inStore} is kept
 * for the API's readers: the neighbours come from the same index as the extract, so it is always
 * true. Immutable.
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
