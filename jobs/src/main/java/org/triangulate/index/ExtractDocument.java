package org.triangulate.index;

import java.util.List;
import java.util.Map;

/**
 * One indexed segment of a transcript (a speaker turn or a few sentences of a long one), as stored
 * in the {@code <study>-extracts} index. Text and lemmas are de-identified; participant and case
 * are pseudonymous ids, never names. Field names are the index mapping's ({@link
 * ExtractIndexMapping}).
 */
public record ExtractDocument(
    String id,
    String study,
    String text,
    String lemmas,
    String speakerRole,
    String participantId,
    String caseId,
    Map<String, String> attributes,
    List<String> categories,
    List<String> themes,
    List<String> codingProvenance,
    String sourceFile,
    int startOffset,
    int endOffset,
    int turnIndex,
    boolean deidentified,
    long runId) {

  public ExtractDocument {
    attributes = Map.copyOf(attributes);
    categories = List.copyOf(categories);
    themes = List.copyOf(themes);
    codingProvenance = List.copyOf(codingProvenance);
  }

  public static final String PARTICIPANT_ROLE = "participant";
  public static final String INTERVIEWER_ROLE = "interviewer";
}
