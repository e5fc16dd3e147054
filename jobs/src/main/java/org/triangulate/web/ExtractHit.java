package org.triangulate.web;

import java.util.List;
import java.util.Map;

/**
 * One extract found: its de-identified text, the text with the search's matches marked (empty when
 * the words matched only lemmas, or none were given), who said it, where, and how it is coded.
 * Immutable.
 */
public record ExtractHit(
    String id,
    Double score,
    String text,
    List<MarkedText> highlights,
    String participantId,
    String caseId,
    String speakerRole,
    Map<String, String> attributes,
    List<String> categories,
    List<String> themes) {

  public ExtractHit {
    text = text == null ? "" : text;
    highlights = highlights == null ? List.of() : List.copyOf(highlights);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    categories = categories == null ? List.of() : List.copyOf(categories);
    themes = themes == null ? List.of() : List.copyOf(themes);
  }
}
