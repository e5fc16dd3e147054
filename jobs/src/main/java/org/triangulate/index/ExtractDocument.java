package org.triangulate.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.align.Vectors;
import org.triangulate.fingerprint.Fingerprint;

/**
 * One indexed segment of a transcript (a speaker turn or a few sentences of a long one), as stored
 * in the {@code <study>-extracts} index. Text, lemmas and stems are de-identified; participant and
 * case are pseudonymous ids, never names. Field names are the index mapping's ({@link
 * ExtractIndexMapping}). Immutable.
 *
 * @param stems the Snowball stem of each lemma (in the segment's language), where "supervising" and
 *     "supervision" meet
 * @param fingerprint a checksum of everything but the run id, so an incremental run rewrites only
 *     documents whose content changed; computed from the content when given as null
 * @param language the ISO 639-1 code of the language the segment was annotated in
 * @param vector the segment's stored sentence vector (unit length, {@link
 *     ExtractIndexMapping#VECTOR_DIMS} dimensions) from item alignment, for search by meaning; null
 *     for workshop notes and segments without a current vector, which then lack the field
 */
public record ExtractDocument(
    String id,
    String study,
    String text,
    String lemmas,
    String stems,
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
    long runId,
    String fingerprint,
    String language,
    String sourceKind,
    String workshopId,
    String pack,
    List<String> stakeholderGroups,
    @JsonInclude(JsonInclude.Include.NON_NULL) float[] vector) {

  /** What a transcript's segment is indexed as. */
  public static final String TRANSCRIPT = "transcript";

  /**
   * What a feedback workshop's note is indexed as: no participant, case or speaker, so nothing that
   * counts participants counts it.
   */
  public static final String WORKSHOP = "workshop";

  /** A document without a vector. */
  public ExtractDocument(
      String id,
      String study,
      String text,
      String lemmas,
      String stems,
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
      long runId,
      String fingerprint,
      String language,
      String sourceKind,
      String workshopId,
      String pack,
      List<String> stakeholderGroups) {
    this(
        id,
        study,
        text,
        lemmas,
        stems,
        speakerRole,
        participantId,
        caseId,
        attributes,
        categories,
        themes,
        codingProvenance,
        sourceFile,
        startOffset,
        endOffset,
        turnIndex,
        deidentified,
        runId,
        fingerprint,
        language,
        sourceKind,
        workshopId,
        pack,
        stakeholderGroups,
        null);
  }

  /** A transcript's segment. */
  public ExtractDocument(
      String id,
      String study,
      String text,
      String lemmas,
      String stems,
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
      long runId,
      String fingerprint,
      String language) {
    this(
        id,
        study,
        text,
        lemmas,
        stems,
        speakerRole,
        participantId,
        caseId,
        attributes,
        categories,
        themes,
        codingProvenance,
        sourceFile,
        startOffset,
        endOffset,
        turnIndex,
        deidentified,
        runId,
        fingerprint,
        language,
        TRANSCRIPT,
        null,
        null,
        List.of());
  }

  /** A transcript's segment in English. */
  public ExtractDocument(
      String id,
      String study,
      String text,
      String lemmas,
      String stems,
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
      long runId,
      String fingerprint) {
    this(
        id,
        study,
        text,
        lemmas,
        stems,
        speakerRole,
        participantId,
        caseId,
        attributes,
        categories,
        themes,
        codingProvenance,
        sourceFile,
        startOffset,
        endOffset,
        turnIndex,
        deidentified,
        runId,
        fingerprint,
        "en");
  }

  public ExtractDocument {
    language = language == null ? "en" : language;
    sourceKind = sourceKind == null ? TRANSCRIPT : sourceKind;
    stakeholderGroups = stakeholderGroups == null ? List.of() : List.copyOf(stakeholderGroups);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    categories = categories == null ? List.of() : List.copyOf(categories);
    themes = themes == null ? List.of() : List.copyOf(themes);
    codingProvenance = codingProvenance == null ? List.of() : List.copyOf(codingProvenance);
    if (fingerprint == null) {
      fingerprint =
          fingerprintOf(
                  id,
                  study,
                  text,
                  lemmas,
                  stems,
                  speakerRole,
                  participantId,
                  caseId,
                  attributes,
                  categories,
                  themes,
                  codingProvenance,
                  sourceFile,
                  startOffset,
                  endOffset,
                  turnIndex,
                  deidentified)
              // Documents in English keep the fingerprints they had before languages were told.
              + ("en".equals(language) ? "" : ":" + language)
              + (TRANSCRIPT.equals(sourceKind)
                  ? ""
                  : ":"
                      + Fingerprint.of(
                          sourceKind,
                          String.valueOf(workshopId),
                          String.valueOf(pack),
                          String.join("\u001e", stakeholderGroups)))
              // A vector changes only with the text or the model; the model's change must show.
              + (vector == null
                  ? ""
                  : ":"
                      + Fingerprint.of(Base64.getEncoder().encodeToString(Vectors.bytes(vector))));
    }
  }

  /** This document with a sentence vector, its fingerprint computed again. */
  public ExtractDocument withVector(float[] newVector) {
    return new ExtractDocument(
        id,
        study,
        text,
        lemmas,
        stems,
        speakerRole,
        participantId,
        caseId,
        attributes,
        categories,
        themes,
        codingProvenance,
        sourceFile,
        startOffset,
        endOffset,
        turnIndex,
        deidentified,
        runId,
        null,
        language,
        sourceKind,
        workshopId,
        pack,
        stakeholderGroups,
        newVector);
  }

  public static final String PARTICIPANT_ROLE = "participant";
  public static final String INTERVIEWER_ROLE = "interviewer";

  private static String fingerprintOf(
      String id,
      String study,
      String text,
      String lemmas,
      String stems,
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
      boolean deidentified) {
    return Fingerprint.of(
        id,
        study,
        text,
        lemmas,
        stems,
        speakerRole,
        participantId,
        caseId,
        new TreeMap<>(attributes).toString(),
        String.join("\u001e", categories),
        String.join("\u001e", themes),
        String.join("\u001e", codingProvenance),
        sourceFile,
        Integer.toString(startOffset),
        Integer.toString(endOffset),
        Integer.toString(turnIndex),
        Boolean.toString(deidentified));
  }
}
