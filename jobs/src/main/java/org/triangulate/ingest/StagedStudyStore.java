package org.triangulate.ingest;

import java.sql.Date;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes validated inputs to the staged store and answers the lookups validation needs. Thread-safe
 * (stateless over a {@link JdbcTemplate}).
 */
@Component
public class StagedStudyStore {

  private final JdbcTemplate jdbc;

  public StagedStudyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A changed cases.csv replaces the last load's cases, in the caller's transaction. */
  public void replaceCases(String study, Collection<? extends StagedCase> cases) {
    clearCases(study);
    insertCases(study, cases);
  }

  public void replaceParticipants(
      String study, Collection<? extends StagedParticipant> participants) {
    clearParticipants(study);
    insertParticipants(study, participants);
  }

  public void replaceResponses(String study, Collection<? extends StagedResponse> responses) {
    clearResponses(study);
    insertResponses(study, responses);
  }

  public void clearCases(String study) {
    jdbc.update("delete from case_attribute where study = ?", study);
    jdbc.update("delete from study_case where study = ?", study);
  }

  public void clearParticipants(String study) {
    jdbc.update("delete from participant_attribute where study = ?", study);
    jdbc.update("delete from participant where study = ?", study);
  }

  public void clearResponses(String study) {
    jdbc.update("delete from response where study = ?", study);
  }

  public void insertCases(String study, Collection<? extends StagedCase> cases) {
    for (StagedCase c : cases) {
      jdbc.update(
          "insert into study_case (study, case_id, name) values (?, ?, ?)",
          study,
          c.caseId(),
          c.name());
      c.attributes()
          .forEach((attribute, value) ->
              jdbc.update(
                  "insert into case_attribute (study, case_id, attribute, attr_value) values (?, ?, ?, ?)",
                  study,
                  c.caseId(),
                  attribute,
                  value));
    }
  }

  public void insertParticipants(
      String study, Collection<? extends StagedParticipant> participants) {
    for (StagedParticipant p : participants) {
      jdbc.update(
          "insert into participant (study, participant_id, case_id, interview_date) values (?, ?, ?, ?)",
          study,
          p.participantId(),
          p.caseId(),
          p.interviewDate() == null ? null : Date.valueOf(p.interviewDate()));
      p.attributes()
          .forEach((attribute, value) ->
              jdbc.update(
                  "insert into participant_attribute (study, participant_id, attribute, attr_value) values (?, ?, ?, ?)",
                  study,
                  p.participantId(),
                  attribute,
                  value));
    }
  }

  public void insertResponses(String study, Collection<? extends StagedResponse> responses) {
    jdbc.batchUpdate(
        "insert into response (study, participant_id, item_id, happening, importance) values (?, ?, ?, ?, ?)",
        responses.stream()
            .map(r ->
                new Object[] {
                  study, r.participantId(), r.itemId(), r.happening().code(), r.importance()
                })
            .toList());
  }

  /**
   * A staged transcript's language and the shares of the languages seen in it; the transcript by
   * its {@linkplain OpaqueSourceIds opaque id} (this goes into the run report).
   */
  public record SourceLanguage(String source, String language, String shares) {}

  /** The study's transcripts' languages, by opaque source id: a file's name may name the person. */
  public java.util.List<SourceLanguage> languages(String study) {
    return jdbc.query(
        "select opaque_id, language, language_shares from source where study = ? and origin = 'transcript'"
            + " order by opaque_id",
        (rs, i) ->
            new SourceLanguage(
                rs.getString(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3)),
        study);
  }

  /**
   * A transcript's language and the shares of the languages seen in it; a transcript whose language
   * changed is annotated again.
   */
  public void recordLanguage(String study, String sourceId, String language, String shares) {
    jdbc.update(
        "update source set annotated_sha256 = null where study = ? and source_id = ? and language <> ?",
        study,
        sourceId,
        language);
    jdbc.update(
        "update source set language = ?, language_shares = ? where study = ? and source_id = ?",
        language,
        shares == null ? null : shares.substring(0, Math.min(shares.length(), 500)),
        study,
        sourceId);
  }

  /**
   * Stores a source text (a transcript, or a text inside a REFI-QDA project). An unchanged checksum
   * keeps the row (and its annotations) as it is, so only changed texts are annotated again. A new
   * source gets its {@linkplain OpaqueSourceIds opaque id}, kept while its participant stays.
   */
  public void upsertSource(String study, SourceDocument source, SourceOrigin origin) {
    int updated =
        jdbc.update(
            "update source set opaque_id = case when participant_id = ? then opaque_id else ? end,"
                + " participant_id = ?, file_name = ?, sha256 = ?, char_count = ?, body = ?,"
                + " origin = ?, original_format = ?, line_endings = ?"
                + " where study = ? and source_id = ? and sha256 <> ?",
            source.participantId(),
            OpaqueSourceIds.newId(source.participantId()),
            source.participantId(),
            source.fileName(),
            source.sha256(),
            source.text().length(),
            source.text(),
            origin.kind(),
            origin.format(),
            origin.lineEndings(),
            study,
            source.sourceId(),
            source.sha256());
    if (updated == 0 && !exists(study, source.sourceId())) {
      jdbc.update(
          "insert into source (study, source_id, opaque_id, participant_id, file_name, sha256, char_count,"
              + " body, origin, original_format, line_endings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          study,
          source.sourceId(),
          OpaqueSourceIds.newId(source.participantId()),
          source.participantId(),
          source.fileName(),
          source.sha256(),
          source.text().length(),
          source.text(),
          origin.kind(),
          origin.format(),
          origin.lineEndings());
    }
  }

  /** Where a staged source came from: {@code transcript} or {@code qdpx}, format, line endings. */
  public record SourceOrigin(String kind, String format, String lineEndings) {}

  /**
   * Removes sources of one origin that are no longer among the inputs (or no longer load), with
   * everything derived from them.
   */
  public int removeSourcesOtherThan(String study, String origin, Set<String> present) {
    List<String> gone =
        sourceIds(study, origin).stream().filter(id -> !present.contains(id)).toList();
    gone.forEach(sourceId -> removeSource(study, sourceId));
    return gone.size();
  }

  /**
   * Runs {@code deleteSql} (parameters: study, segment id, then {@code more}) for each segment of a
   * source, by key. H2 evaluates a "segment_id in (select ... where source_id = ?)" once for every
   * row of the table it deletes from, which grows with the study, not with the source.
   */
  public static void deletePerSegment(
      JdbcTemplate jdbc, String study, String sourceId, String deleteSql, Object... more) {
    List<String> ids =
        jdbc.queryForList(
            "select segment_id from segment where study = ? and source_id = ?",
            String.class,
            study,
            sourceId);
    jdbc.batchUpdate(
        deleteSql,
        ids.stream()
            .map(id -> {
              Object[] args = new Object[2 + more.length];
              args[0] = study;
              args[1] = id;
              System.arraycopy(more, 0, args, 2, more.length);
              return args;
            })
            .toList());
  }

  /** Removes a source with its segments, their codings and its named entities. */
  public void removeSource(String study, String sourceId) {
    deletePerSegment(
        jdbc, study, sourceId, "delete from coding where study = ? and segment_id = ?");
    jdbc.update("delete from segment where study = ? and source_id = ?", study, sourceId);
    jdbc.update("delete from entity_mention where study = ? and source_id = ?", study, sourceId);
    jdbc.update("delete from identifier_span where study = ? and source_id = ?", study, sourceId);
    jdbc.update("delete from source where study = ? and source_id = ?", study, sourceId);
  }

  public Set<String> caseIds(String study) {
    return new HashSet<>(
        jdbc.queryForList("select case_id from study_case where study = ?", String.class, study));
  }

  public Set<String> participantIds(String study) {
    return new HashSet<>(
        jdbc.queryForList(
            "select participant_id from participant where study = ?", String.class, study));
  }

  public List<String> sourceIds(String study, String origin) {
    return jdbc.queryForList(
        "select source_id from source where study = ? and origin = ?", String.class, study, origin);
  }

  /** The transcripts of a participant: source id and canonical text. */
  public java.util.Map<String, String> transcriptsOf(String study, String participantId) {
    java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
    jdbc.query(
        "select source_id, body from source where study = ? and participant_id = ? and origin = 'transcript'"
            + " order by source_id",
        rs -> {
          texts.put(rs.getString(1), rs.getString(2));
        },
        study,
        participantId);
    return texts;
  }

  private boolean exists(String study, String sourceId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from source where study = ? and source_id = ?",
            Integer.class,
            study,
            sourceId);
    return n != null && n > 0;
  }
}
