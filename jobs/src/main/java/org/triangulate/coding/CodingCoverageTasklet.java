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
import org.triangulate.ingest.OpaqueSourceIds;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Writes the night's {@link CodingCoverage} into the run's folder, from the store's participant
 * segments and codings (rule and imported alike). Counts participant segments read and files
 * written.
 */
public class CodingCoverageTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final SegmentStore segments;
  private final Study study;
  private final LongFunction<Path> runDirectory;

  /**
   * @param runDirectory the folder of a run, by job execution id
   */
  public CodingCoverageTasklet(
      JdbcTemplate jdbc, SegmentStore segments, Study study, LongFunction<Path> runDirectory) {
    this.jdbc = jdbc;
    this.segments = segments;
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
    java.nio.file.Path directory = runDirectory.apply(runId);
    CodingCoverageWriter.write(coverage, directory);
    // Item alignment is the other half of coverage: an item nothing is aligned to has no quotes.
    try {
      java.nio.file.Files.writeString(
          directory.resolve("coverage.txt"),
          "\n"
              + org.triangulate.align.UnalignedItems.line(
                  org.triangulate.align.UnalignedItems.of(jdbc, study), study)
              + "\n",
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    CodingCoverage.Tally tally =
        new CodingCoverage.Tally(categories, study.groupings(), groupsOfParticipants());
    List<String> sourceIds = segments.sourceIds(name);
    // The report names sources by their opaque ids: a file's name may name the person.
    Map<String, String> opaqueIds = OpaqueSourceIds.ofStudy(jdbc, name);
    // One source at a time: the study's segments and codings need not be held together.
    for (String sourceId : sourceIds) {
      Map<CodingCoverage.ParticipantSegment, List<String>> categoriesOfSegment =
          new LinkedHashMap<>();
      jdbc.query(
          "select s.segment_id, s.participant_id, s.start_offset, s.end_offset, c.category"
              + " from segment s left join coding c"
              + " on c.study = s.study and c.segment_id = s.segment_id"
              + " where s.study = ? and s.source_id = ? and s.speaker_role = ?"
              + " order by s.start_offset, s.segment_id, c.category",
          rs -> {
            List<String> carried =
                categoriesOfSegment.computeIfAbsent(
                    new CodingCoverage.ParticipantSegment(
                        rs.getString(1),
                        rs.getString(2),
                        opaqueIds.get(sourceId),
                        rs.getInt(3),
                        rs.getInt(4)),
                    s -> new ArrayList<>());
            if (rs.getString(5) != null) {
              carried.add(rs.getString(5));
            }
          },
          name,
          sourceId,
          SpeakerRole.PARTICIPANT.code());
      categoriesOfSegment.forEach(tally::add);
    }
    return tally.coverage(name, runId);
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
