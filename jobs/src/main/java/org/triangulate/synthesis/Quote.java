package org.triangulate.synthesis;

import java.util.List;
import java.util.Map;

/**
 * A de-identified extract chosen for a joint display, with what a reader needs to place it
 * (pseudonymous participant, case, attributes, the speaker's own answer to the row's item) and an
 * auditor needs to trace it (index id, source file, offsets, categories, the item alignment that
 * chose it). Its text is in the language it was spoken in ({@code language}, ISO 639-1), never
 * translated.
 *
 * @param speakerAnswer the speaker's answer A to the row's item (a code of {@link
 *     org.triangulate.study.Happening}), or null when they gave none
 * @param speakerImportance their importance rating of the item, or null
 * @param alignmentScore how closely the extract is aligned to the item, or null when not chosen by
 *     alignment
 * @param alignmentProvenance the evidence of that alignment
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
    String language,
    String speakerAnswer,
    Integer speakerImportance,
    Double alignmentScore,
    String alignmentProvenance) {

  public Quote {
    attributes = Map.copyOf(attributes);
    categories = List.copyOf(categories);
    language = language == null ? "en" : language;
  }
}
