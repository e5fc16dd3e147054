package org.triangulate.changes;

import java.nio.file.Path;
import java.util.function.LongFunction;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.ITemplateEngine;
import org.triangulate.stats.StudyStatistics;
import org.triangulate.study.Study;

/**
 * Keeps tonight's patterns, item statistics and transcripts in the store, compares them with the
 * last night kept, and writes what changed (see {@link ChangesWriter}). Counts snapshot entries
 * written.
 */
public class ChangesTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final StudyStatistics statistics;
  private final Study study;
  private final ChangesProperties properties;
  private final ChangesWriter writer;
  private final Path studyDirectory;
  private final LongFunction<Path> runDirectory;

  public ChangesTasklet(
      JdbcTemplate jdbc,
      StudyStatistics statistics,
      Study study,
      ChangesProperties properties,
      ITemplateEngine templates,
      Path studyDirectory,
      LongFunction<Path> runDirectory) {
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.study = study;
    this.properties = properties;
    this.writer = new ChangesWriter(templates);
    this.studyDirectory = studyDirectory;
    this.runDirectory = runDirectory;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
    NightHistoryStore history = new NightHistoryStore(jdbc);
    NightSnapshot tonight = new NightSnapshotReader(jdbc, statistics).read(study.name(), runId);
    history.save(study.name(), tonight);
    contribution.incrementWriteCount(
        tonight.patterns().size() + tonight.items().size() + tonight.transcripts().size());
    NightSnapshot previous =
        history.runBefore(study.name(), runId).map(r -> history.load(study.name(), r)).orElse(null);
    NightChanges changes =
        NightChanges.between(
            previous, tonight, properties.strengthThreshold(), properties.shareMove());
    writer.write(study.title(), changes, studyDirectory, runDirectory.apply(runId));
    return RepeatStatus.FINISHED;
  }
}
