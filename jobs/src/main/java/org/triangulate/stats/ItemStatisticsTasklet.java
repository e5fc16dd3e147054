package org.triangulate.stats;

import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/** Writes {@code stats/items.csv}, {@code stats/comparisons.csv} and their JSON twins. */
@Component
public class ItemStatisticsTasklet implements Tasklet {

  private final StudyStatistics statistics;
  private final Study study;
  private final Path directory;

  ItemStatisticsTasklet(StudyStatistics statistics, Study study, TriangulateProperties properties) {
    this.statistics = statistics;
    this.study = study;
    this.directory = properties.studyOutput(study.name()).resolve("stats");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    StudyStatistics.Results results = statistics.compute();
    StatsWriter writer = new StatsWriter(study.patterns().minGroupN());
    writer.writeItems(directory, results.items());
    writer.writeComparisons(directory, results.comparisons());
    contribution.incrementWriteCount(results.items().size() + results.comparisons().size());
    return RepeatStatus.FINISHED;
  }
}
