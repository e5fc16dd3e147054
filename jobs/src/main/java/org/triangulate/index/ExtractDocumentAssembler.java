package org.triangulate.index;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.align.Vectors;
import org.triangulate.coding.CategoryThemes;
import org.triangulate.coding.RefiQdaExporter;
import org.triangulate.coding.StoredCodings;
import org.triangulate.ingest.OpaqueSourceIds;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;

/**
 * Turns a stored, de-identified segment (read with {@link
 * org.triangulate.nlp.SegmentStore#DEIDENTIFIED_SEGMENTS_OF_STUDY}: text and lemmas as the
 * de-identify step wrote them) into the document the index holds: de-identified text and lemmas,
 * the participant's case and every case and participant attribute, and the segment's categories
 * with their themes and provenance, the derivational stems of the lemmas, the sentence vector item
 * alignment stored for it and a content fingerprint. The source is named by its opaque id, never
 * its file's name. Loads the study's attributes once per step and the codings of one source at a
 * time, when its first segment comes: segments arrive in source order, so a study of any size is
 * assembled in the memory of its largest source. Not thread-safe (one per step).
 */
public class ExtractDocumentAssembler implements ItemProcessor<Segment, ExtractDocument> {

  private final Study study;
  private final long runId;
  private final CategoryThemes themes;
  private final Map<String, String> caseOfParticipant = new HashMap<>();
  private final Map<String, Map<String, String>> attributesOfParticipant = new HashMap<>();
  private final Map<String, String> opaqueIdOfSource;
  private final JdbcTemplate jdbc;
  private String codedSource;
  private Map<String, List<RefiQdaExporter.SegmentCoding>> codingsOfSegment = Map.of();
  private Map<String, StoredVector> vectorsOfSegment = Map.of();

  public ExtractDocumentAssembler(JdbcTemplate jdbc, Study study, long runId) {
    this.jdbc = jdbc;
    this.study = study;
    this.runId = runId;
    // Imported REFI-QDA categories are not in codebook.yml; their themes come from the import.
    this.themes = new CategoryThemes(jdbc, study);
    this.opaqueIdOfSource = OpaqueSourceIds.ofStudy(jdbc, study.name());
    Map<String, Map<String, String>> caseAttributes = new HashMap<>();
    jdbc.query(
        "select case_id, attribute, attr_value from case_attribute where study = ?",
        rs -> {
          caseAttributes
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        study.name());
    jdbc.query(
        "select participant_id, case_id from participant where study = ?",
        rs -> {
          caseOfParticipant.put(rs.getString(1), rs.getString(2));
          attributesOfParticipant
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .putAll(caseAttributes.getOrDefault(rs.getString(2), Map.of()));
        },
        study.name());
    jdbc.query(
        "select participant_id, attribute, attr_value from participant_attribute where study = ?",
        rs -> {
          attributesOfParticipant
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        study.name());
  }

  @Override
  public ExtractDocument process(Segment segment) {
    if (segment.text() == null || segment.lemmas() == null) {
      // Never fall back to the text as transcribed.
      throw new IllegalStateException("Segment " + segment.segmentId() + " is not de-identified");
    }
    List<RefiQdaExporter.SegmentCoding> codings =
        codingsOf(segment.sourceId()).getOrDefault(segment.segmentId(), List.of());
    List<String> categories =
        codings.stream().map(RefiQdaExporter.SegmentCoding::category).distinct().toList();
    return ExtractDocument.builder()
        .id(segment.segmentId())
        .study(study.name())
        .text(segment.text())
        .lemmas(segment.lemmas())
        .stems(WordStems.ofLemmas(segment.lemmas(), segment.language()))
        .speakerRole(segment.role().code())
        .participantId(segment.participantId())
        .caseId(caseOfParticipant.getOrDefault(segment.participantId(), ""))
        .attributes(attributesOfParticipant.getOrDefault(segment.participantId(), Map.of()))
        .categories(categories)
        .themes(categories.stream().map(themes::themeOf).distinct().toList())
        .codingProvenance(
            codings.stream().map(RefiQdaExporter.SegmentCoding::provenance).distinct().toList())
        .sourceFile(opaqueIdOf(segment))
        .startOffset(segment.start())
        .endOffset(segment.end())
        .turnIndex(segment.turnIndex())
        .deidentified(true)
        .runId(runId)
        .language(segment.language())
        .stakeholderGroups(List.of())
        .vector(vectorOf(segment))
        .build();
  }

  /**
   * The segment's stored sentence vector when it was computed from this very de-identified text by
   * the study's model (item alignment stores them; nothing is embedded here), else null.
   */
  private float[] vectorOf(Segment segment) {
    codingsOf(segment.sourceId());
    StoredVector stored = vectorsOfSegment.get(segment.segmentId());
    if (stored == null
        || !study.alignment().model().equals(stored.model())
        || !DigestUtils.sha256Hex(segment.text()).equals(stored.sha256())) {
      return null;
    }
    return Vectors.of(stored.bytes());
  }

  private record StoredVector(String sha256, String model, byte[] bytes) {}

  /** The source as named outside the store: never its file's name, which may name the person. */
  private String opaqueIdOf(Segment segment) {
    String opaque = opaqueIdOfSource.get(segment.sourceId());
    if (opaque == null) {
      throw new IllegalStateException(
          "Segment " + segment.segmentId() + " belongs to no staged source");
    }
    return opaque;
  }

  /**
   * The codings of each segment of a source, loaded (with the segments' stored vectors) when the
   * source's first segment comes.
   */
  private Map<String, List<RefiQdaExporter.SegmentCoding>> codingsOf(String sourceId) {
    if (!sourceId.equals(codedSource)) {
      codingsOfSegment =
          StoredCodings.ofSource(jdbc, study.name(), sourceId).stream()
              .collect(Collectors.groupingBy(RefiQdaExporter.SegmentCoding::segmentId));
      Map<String, StoredVector> vectors = new HashMap<>();
      jdbc.query(
          "select segment_id, embedded_sha256, embedding_model, embedding from segment"
              + " where study = ? and source_id = ? and embedding is not null",
          rs -> {
            vectors.put(
                rs.getString(1),
                new StoredVector(rs.getString(2), rs.getString(3), rs.getBytes(4)));
          },
          study.name(),
          sourceId);
      vectorsOfSegment = vectors;
      codedSource = sourceId;
    }
    return codingsOfSegment;
  }
}
