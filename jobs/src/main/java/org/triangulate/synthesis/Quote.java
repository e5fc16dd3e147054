package org.triangulate.synthesis;

import java.util.List;
import java.util.Map;

/**
 * A de-identified extract chosen for a joint display, with what a reader needs to place it
 * (pseudonymous participant, case, attributes) and an auditor needs to trace it (index id, source
 * file, offsets, categories).
 */
public record Quote(
    String extractId,
    String text,
    String participantId,
    String caseId,
    Map<String, String> attributes,
    List<String> categories,
    String sourceFile,
    int startOffset,
    int endOffset) {

  public Quote {
    attributes = Map.copyOf(attributes);
    categories = List.copyOf(categories);
  }
}
