package org.triangulate.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Writes the night's {@link CodingCoverage} into the run's folder, from the store's participant
 * segments and codings (rule and imported alike). Counts participant segments read and files
 * written.
 */
public class CodingCoverageTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final Study study;
  private final LongFunction<Path> runDirectory;

  /**
   * @param runDirectory the folder of a run, by job execution id
   */
  public CodingCoverageTasklet(JdbcTemplate jdbc, Study study, LongFunction<Path> runDirectory) {
    this.jdbc = jdbc;
    this.study = study;
    this.runDirectory = runDirectory;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
    CodingCoverage coverage = coverage(runId);
    for (int i = 0; i < coverage.segments(); i++) {
      contribution.incrementReadCount();
    }
    CodingCoverageWriter.write(coverage, runDirectory.apply(runId));
    contribution.incrementWriteCount(4);
    return RepeatStatus.FINISHED;
  }

  /** The study's coverage as the store holds it now. */
  public CodingCoverage coverage(long runId) {
    String name = study.name();
    CategoryThemes themes = new CategoryThemes(jdbc, study);
    Map<String, String> categories = new LinkedHashMap<>();
    study.codebook().categories().forEach(c -> categories.put(c.id(), themes.themeOf(c.id())));
    jdbc.query(
        "select distinct category from imported_code where study = ? and codable = true order by category",
        rs -> {
          categories.putIfAbsent(rs.getString(1), themes.themeOf(rs.getString(1)));
        },
        name);
    List<CodingCoverage.ParticipantSegment> segments =
        jdbc.query(
            "select segment_id, participant_id, source_id, start_offset, end_offset from segment"
                + " where study = ? and speaker_role = ? order by source_id, start_offset",
            (rs, i) ->
                new CodingCoverage.ParticipantSegment(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
            name,
            SpeakerRole.PARTICIPANT.code());
    Map<String, List<String>> categoriesOfSegment = new HashMap<>();
    jdbc.query(
        "select segment_id, category from coding where study = ? order by category",
        rs -> {
          categoriesOfSegment
              .computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
              .add(rs.getString(2));
        },
        name);
    return CodingCoverage.of(
        name,
        runId,
        categories,
        study.groupings(),
        segments,
        groupsOfParticipants(),
        categoriesOfSegment);
  }

  private Map<String, Map<String, String>> groupsOfParticipants() {
    String name = study.name();
    Map<String, Map<String, String>> caseAttributes = new HashMap<>();
    jdbc.query(
        "select case_id, attribute, attr_value from case_attribute where study = ?",
        rs -> {
          caseAttributes
              .computeIfAbsent(rs.getString(1), c -> new HashMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        name);
    Map<String, Map<String, String>> groups = new HashMap<>();
    jdbc.query(
        "select participant_id, case_id from participant where study = ?",
        rs -> {
          Map<String, String> of = groups.computeIfAbsent(rs.getString(1), p -> new HashMap<>());
          of.putAll(caseAttributes.getOrDefault(rs.getString(2), Map.of()));
          of.put(CodingCoverage.CASE, rs.getString(2));
        },
        name);
    jdbc.query(
        "select participant_id, attribute, attr_value from participant_attribute where study = ?",
        rs -> {
          groups
              .computeIfAbsent(rs.getString(1), p -> new HashMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        name);
    return groups;
  }
}
