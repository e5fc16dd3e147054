package org.triangulate.web;

import java.util.List;
import java.util.Map;
import org.triangulate.index.ExtractDocument;

/**
 * One extract found: its de-identified text, the text with the search's matches marked (empty when
 * no words were given or none could be marked), keyword-in-context lines of the matches, who said
 * it, where, and how it is coded. Immutable.
 */
public record ExtractHit(
    String id,
    Double score,
    String text,
    List<MarkedText> highlights,
    List<Kwic> kwic,
    String participantId,
    String caseId,
    String speakerRole,
    Map<String, String> attributes,
    List<String> categories,
    List<String> themes,
    String sourceFile,
    int startOffset,
    int endOffset,
    int turnIndex,
    String sourceKind,
    String workshopId) {

  public ExtractHit {
    text = text == null ? "" : text;
    highlights = highlights == null ? List.of() : List.copyOf(highlights);
    kwic = kwic == null ? List.of() : List.copyOf(kwic);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    categories = categories == null ? List.of() : List.copyOf(categories);
    themes = themes == null ? List.of() : List.copyOf(themes);
    sourceKind = sourceKind == null ? ExtractDocument.TRANSCRIPT : sourceKind;
  }

  /** A feedback workshop's note rather than a transcript's segment: nobody's answer. */
  public boolean workshopNote() {
    return ExtractDocument.WORKSHOP.equals(sourceKind);
  }
}
