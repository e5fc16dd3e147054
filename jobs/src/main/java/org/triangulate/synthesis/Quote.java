package org.triangulate.synthesis;

import java.util.List;
import java.util.Map;

/**
 * A de-identified extract chosen for a joint display, with what a reader needs to place it
 * (pseudonymous participant, case, attributes) and an auditor needs to trace it (index id, source
 * file, offsets, categories). Its text is in the language it was spoken in ({@code language}, ISO
 * 639-1), never translated.
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
    int endOffset,
    String language) {

  public Quote {
    attributes = Map.copyOf(attributes);
    categories = List.copyOf(categories);
    language = language == null ? "en" : language;
  }

  /** A quote in English. */
  public Quote(
      String extractId,
      String text,
      String participantId,
      String caseId,
      Map<String, String> attributes,
      List<String> categories,
      String sourceFile,
      int startOffset,
      int endOffset) {
    this(
        extractId,
        text,
        participantId,
        caseId,
        attributes,
        categories,
        sourceFile,
        startOffset,
        endOffset,
        "en");
  }
}
