package org.triangulate.nlp;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.ingest.StagedStudyStore;

/**
 * The store's transcripts awaiting annotation and the segments cut from them. A source is annotated
 * when its stored checksum differs from the checksum it was last annotated at. Thread-safe.
 */
@Component
public class SegmentStore {

  /**
   * Every segment of a study (parameter: study), in transcript order, de-identified: its text,
   * speaker label and lemmas are the ones the de-identify step wrote (null if it has not run).
   */
  public static final String DEIDENTIFIED_SEGMENTS_OF_STUDY =
      "select segment_id, source_id, participant_id, turn_index, speaker_role,"
          + " deidentified_label as speaker_label, start_offset, end_offset, sentence_count,"
          + " deidentified_body as body, deidentified_lemmas as lemmas, lemma_starts, language"
          + " from segment where study = ? order by source_id, start_offset";

  /**
   * As {@link #DEIDENTIFIED_SEGMENTS_OF_STUDY}, of {@code sources} sources only (parameters: study,
   * then the source ids).
   */
  public static String deidentifiedSegmentsOfSources(int sources) {
    String in =
        sources == 0
            ? " and 1 = 0"
            : " and source_id in ("
                + String.join(", ", java.util.Collections.nCopies(sources, "?"))
                + ")";
    return DEIDENTIFIED_SEGMENTS_OF_STUDY.replace(" order by", in + " order by");
  }

  /**
   * Every segment of a study as transcribed (parameter: study), by source in transcript order: for
   * offsets and speaker labels that de-identification needs, never for output text.
   */
  public static final String TRANSCRIBED_SEGMENTS_OF_STUDY =
      "select segment_id, source_id, participant_id, turn_index, speaker_role, speaker_label, start_offset, end_offset,"
          + " sentence_count, body, lemmas, lemma_starts, language from segment where study = ?"
          + " order by source_id, start_offset";

  /** A source's segments as transcribed (parameters: study, source), in transcript order. */
  static final String SEGMENTS_OF_SOURCE =
      "select segment_id, source_id, participant_id, turn_index, speaker_role, speaker_label, start_offset, end_offset,"
          + " sentence_count, body, lemmas, lemma_starts, language from segment where study = ? and source_id = ?"
          + " order by start_offset";

  private final JdbcTemplate jdbc;

  public static Segment mapSegment(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
    return new Segment(
        rs.getString("segment_id"),
        rs.getString("source_id"),
        rs.getString("participant_id"),
        rs.getInt("turn_index"),
        SpeakerRole.valueOf(rs.getString("speaker_role").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("speaker_label"),
        rs.getInt("start_offset"),
        rs.getInt("end_offset"),
        rs.getInt("sentence_count"),
        rs.getString("body"),
        rs.getString("lemmas"),
        rs.getString("lemma_starts"),
        rs.getString("language"));
  }

  public SegmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The sources whose text changed since they were annotated, or that were annotated with other
   * settings than {@code annotatedWith} ({@link TranscriptSegmenter#settingsFingerprint()}).
   */
  public List<String> sourcesToAnnotate(String study, String annotatedWith) {
    return jdbc.queryForList(
        "select source_id from source where study = ? and (annotated_sha256 is null"
            + " or annotated_sha256 <> sha256 or annotated_with is null or annotated_with <> ?)"
            + " order by source_id",
        String.class,
        study,
        annotatedWith);
  }

  /** The language a source was told to be in at ingest (its default when not told). */
  public String language(String study, String sourceId) {
    return jdbc.queryForObject(
        "select language from source where study = ? and source_id = ?",
        String.class,
        study,
        sourceId);
  }

  public SourceDocument source(String study, String sourceId) {
    return jdbc.queryForObject(
        "select source_id, participant_id, file_name, sha256, body from source where study = ? and source_id = ?",
        (rs, i) ->
            new SourceDocument(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        study,
        sourceId);
  }

  /**
   * Replaces a source's segments (and their codings) and named entities, and marks it annotated at
   * its checksum and the settings it was annotated with. The new segments await de-identification.
   */
  public void replaceSegments(String study, AnnotatedSource annotated, String annotatedWith) {
    StagedStudyStore.deletePerSegment(
        jdbc, study, annotated.sourceId(), "delete from coding where study = ? and segment_id = ?");
    jdbc.update(
        "delete from segment where study = ? and source_id = ?", study, annotated.sourceId());
    jdbc.update(
        "delete from entity_mention where study = ? and source_id = ?",
        study,
        annotated.sourceId());
    jdbc.batchUpdate(
        "insert into entity_mention (study, source_id, start_offset, end_offset, entity_type)"
            + " values (?, ?, ?, ?, ?)",
        annotated.entities().stream()
            .map(e -> new Object[] {study, annotated.sourceId(), e.start(), e.end(), e.type()})
            .toList());
    jdbc.batchUpdate(
        "insert into segment (study, segment_id, source_id, participant_id, turn_index, speaker_role, speaker_label,"
            + " start_offset, end_offset, sentence_count, body, lemmas, lemma_starts, language)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        annotated.segments().stream()
            .map(s ->
                new Object[] {
                  study,
                  s.segmentId(),
                  s.sourceId(),
                  s.participantId(),
                  s.turnIndex(),
                  s.role().code(),
                  s.speakerLabel(),
                  s.start(),
                  s.end(),
                  s.sentenceCount(),
                  s.text(),
                  s.lemmas(),
                  s.lemmaStarts(),
                  s.language()
                })
            .toList());
    jdbc.update(
        "update source set annotated_sha256 = ?, annotated_with = ? where study = ? and source_id = ?",
        annotated.sha256(),
        annotatedWith,
        study,
        annotated.sourceId());
  }

  /** Sources with segments the de-identify step has not written yet. */
  public java.util.Set<String> sourcesAwaitingDeidentification(String study) {
    return new java.util.TreeSet<>(
        jdbc.queryForList(
            "select distinct source_id from segment where study = ? and deidentified_body is null",
            String.class,
            study));
  }

  /**
   * Sources whose text may write one of {@code names}: those holding the first word of one (names
   * are found as written, whole words, so a text without that word cannot write the name).
   */
  public java.util.Set<String> sourcesWriting(String study, java.util.Collection<String> names) {
    java.util.Set<String> words = new java.util.TreeSet<>();
    names.forEach(name -> words.add(name.strip().split("\\s+")[0]));
    java.util.Set<String> sources = new java.util.TreeSet<>();
    List<String> all = new java.util.ArrayList<>(words);
    for (int from = 0; from < all.size(); from += 50) {
      List<String> some = all.subList(from, Math.min(all.size(), from + 50));
      StringBuilder sql = new StringBuilder("select source_id from source where study = ? and (");
      List<Object> args = new java.util.ArrayList<>(List.of(study));
      for (int i = 0; i < some.size(); i++) {
        sql.append(i == 0 ? "" : " or ").append("body like ? escape '!'");
        args.add("%" + some.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      sources.addAll(jdbc.queryForList(sql.append(')').toString(), String.class, args.toArray()));
    }
    return sources;
  }

  /** The study's transcripts in source order: the order pseudonyms are first handed out in. */
  public List<String> sourceIds(String study) {
    return jdbc.queryForList(
        "select source_id from source where study = ? order by source_id", String.class, study);
  }

  /** A source's segments as transcribed, in transcript order. */
  public List<Segment> segments(String study, String sourceId) {
    return jdbc.query(SEGMENTS_OF_SOURCE, SegmentStore::mapSegment, study, sourceId);
  }

  /** The named entities NER found in a source, in text order. */
  public List<EntityMention> entities(String study, String sourceId) {
    return jdbc.query(
        "select start_offset, end_offset, entity_type from entity_mention"
            + " where study = ? and source_id = ? order by start_offset",
        (rs, i) -> new EntityMention(rs.getInt(1), rs.getInt(2), rs.getString(3)),
        study,
        sourceId);
  }

  /**
   * Replaces the record of where a source's identifiers are and what kind they are (the offsets and
   * kinds only: audits and recall measurements read it; pseudonym keys stay in {@code pseudonym}).
   */
  public void writeIdentifiers(String study, String sourceId, List<Identifier> identifiers) {
    jdbc.update("delete from identifier_span where study = ? and source_id = ?", study, sourceId);
    jdbc.batchUpdate(
        "insert into identifier_span (study, source_id, start_offset, end_offset, kind)"
            + " values (?, ?, ?, ?, ?)",
        identifiers.stream()
            .map(id -> new Object[] {study, sourceId, id.start(), id.end(), id.kind().code()})
            .toList());
  }

  /** The names the study has known so far (table {@code known_name}). */
  public KnownNames knownNames(String study) {
    KnownNames known = new KnownNames();
    jdbc.query(
        "select kind, name from known_name where study = ?",
        rs -> {
          known.add(
              IdentifierKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
              rs.getString(2));
        },
        study);
    return known;
  }

  /** Adds the names in {@code known} that the store does not hold yet. */
  public void addKnownNames(String study, KnownNames known) {
    KnownNames stored = knownNames(study);
    List<Object[]> added = new java.util.ArrayList<>();
    for (IdentifierKind kind : IdentifierKind.values()) {
      for (String name : known.of(kind)) {
        if (!stored.of(kind).contains(name) && name.length() <= 500) {
          added.add(new Object[] {study, kind.code(), name});
        }
      }
    }
    jdbc.batchUpdate("insert into known_name (study, kind, name) values (?, ?, ?)", added);
  }

  /** Writes a segment's de-identified text, label and lemmas. */
  public void writeDeidentified(String study, List<DeidentifiedSegment> segments) {
    jdbc.batchUpdate(
        "update segment set deidentified_body = ?, deidentified_label = ?, deidentified_lemmas = ?"
            + " where study = ? and segment_id = ?",
        segments.stream()
            .map(s -> new Object[] {s.text(), s.speakerLabel(), s.lemmas(), study, s.segmentId()})
            .toList());
  }

  public long countSegments(String study) {
    Long n = jdbc.queryForObject("select count(*) from segment where study = ?", Long.class, study);
    return n == null ? 0 : n;
  }
}
