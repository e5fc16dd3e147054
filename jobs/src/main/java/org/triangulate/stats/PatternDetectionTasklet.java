package org.triangulate.stats;

import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/** Writes {@code stats/patterns.csv} and {@code patterns.json}, strongest first. */
@Component
public class PatternDetectionTasklet implements Tasklet {

  private final StudyStatistics statistics;
  private final Path directory;

  PatternDetectionTasklet(
      StudyStatistics statistics, Study study, TriangulateProperties properties) {
    this.statistics = statistics;
    this.directory = properties.studyOutput(study.name()).resolve("stats");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    var patterns = statistics.compute().patterns();
    new PatternWriter().write(directory, patterns);
    contribution.incrementWriteCount(patterns.size());
    return RepeatStatus.FINISHED;
  }
}
