package org.triangulate.web;

import java.util.List;
import java.util.Map;

/**
 * The fields of an indexed extract the search shows, read from {@code _source}. Only these are
 * fetched (lemmas, stems and provenance stay in the index), and reading into this record rather
 * than the indexer's document keeps the search working if the indexer adds fields. The sentence
 * {@code vector} is read only for a "more like this" search ({@link MeaningVectors}); otherwise it
 * is null.
 */
record ExtractSource(
    String text,
    String participantId,
    String caseId,
    String speakerRole,
    Map<String, String> attributes,
    List<String> categories,
    List<String> themes,
    String sourceFile,
    Integer startOffset,
    Integer endOffset,
    Integer turnIndex,
    String sourceKind,
    String workshopId,
    float[] vector) {

  static final List<String> FIELDS =
      List.of(
          "text",
          "participantId",
          "caseId",
          "speakerRole",
          "attributes",
          "categories",
          "themes",
          "sourceFile",
          "startOffset",
          "endOffset",
          "turnIndex",
          "sourceKind",
          "workshopId");
}
