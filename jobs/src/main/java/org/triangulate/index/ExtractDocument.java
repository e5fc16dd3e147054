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
    return toBuilder().vector(newVector).fingerprint(null).build();
  }

  /** A document to assemble field by field; what is left unset takes the record's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this document's fields, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.study = study;
    builder.text = text;
    builder.lemmas = lemmas;
    builder.stems = stems;
    builder.speakerRole = speakerRole;
    builder.participantId = participantId;
    builder.caseId = caseId;
    builder.attributes = attributes;
    builder.categories = categories;
    builder.themes = themes;
    builder.codingProvenance = codingProvenance;
    builder.sourceFile = sourceFile;
    builder.startOffset = startOffset;
    builder.endOffset = endOffset;
    builder.turnIndex = turnIndex;
    builder.deidentified = deidentified;
    builder.runId = runId;
    builder.fingerprint = fingerprint;
    builder.language = language;
    builder.sourceKind = sourceKind;
    builder.workshopId = workshopId;
    builder.pack = pack;
    builder.stakeholderGroups = stakeholderGroups;
    builder.vector = vector;
    return builder;
  }

  /**
   * Assembles an {@link ExtractDocument}: unset lists and maps are empty, the language is {@code
   * en}, the source kind {@link #TRANSCRIPT}, and a fingerprint left unset is computed from the
   * content. Not thread-safe.
   */
  public static final class Builder {
    private String id;
    private String study;
    private String text;
    private String lemmas;
    private String stems;
    private String speakerRole;
    private String participantId;
    private String caseId;
    private Map<String, String> attributes;
    private List<String> categories;
    private List<String> themes;
    private List<String> codingProvenance;
    private String sourceFile;
    private int startOffset;
    private int endOffset;
    private int turnIndex;
    private boolean deidentified;
    private long runId;
    private String fingerprint;
    private String language;
    private String sourceKind;
    private String workshopId;
    private String pack;
    private List<String> stakeholderGroups;
    private float[] vector;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder study(String study) {
      this.study = study;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder lemmas(String lemmas) {
      this.lemmas = lemmas;
      return this;
    }

    public Builder stems(String stems) {
      this.stems = stems;
      return this;
    }

    public Builder speakerRole(String speakerRole) {
      this.speakerRole = speakerRole;
      return this;
    }

    public Builder participantId(String participantId) {
      this.participantId = participantId;
      return this;
    }

    public Builder caseId(String caseId) {
      this.caseId = caseId;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder categories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    public Builder themes(List<String> themes) {
      this.themes = themes;
      return this;
    }

    public Builder codingProvenance(List<String> codingProvenance) {
      this.codingProvenance = codingProvenance;
      return this;
    }

    public Builder sourceFile(String sourceFile) {
      this.sourceFile = sourceFile;
      return this;
    }

    public Builder startOffset(int startOffset) {
      this.startOffset = startOffset;
      return this;
    }

    public Builder endOffset(int endOffset) {
      this.endOffset = endOffset;
      return this;
    }

    public Builder turnIndex(int turnIndex) {
      this.turnIndex = turnIndex;
      return this;
    }

    public Builder deidentified(boolean deidentified) {
      this.deidentified = deidentified;
      return this;
    }

    public Builder runId(long runId) {
      this.runId = runId;
      return this;
    }

    public Builder fingerprint(String fingerprint) {
      this.fingerprint = fingerprint;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder sourceKind(String sourceKind) {
      this.sourceKind = sourceKind;
      return this;
    }

    public Builder workshopId(String workshopId) {
      this.workshopId = workshopId;
      return this;
    }

    public Builder pack(String pack) {
      this.pack = pack;
      return this;
    }

    public Builder stakeholderGroups(List<String> stakeholderGroups) {
      this.stakeholderGroups = stakeholderGroups;
      return this;
    }

    public Builder vector(float[] vector) {
      this.vector = vector;
      return this;
    }

    public ExtractDocument build() {
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
          fingerprint,
          language,
          sourceKind,
          workshopId,
          pack,
          stakeholderGroups,
          vector);
    }
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
