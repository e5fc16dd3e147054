package org.triangulate.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.study.Study;

/**
 * Publishes the night's index: only when it holds exactly the segments the store has does the alias
 * move to it (atomically); then indices beyond the configured number to keep are deleted.
 */
class ExtractAliasSwapTasklet implements Tasklet {

  private final ExtractIndexAdmin admin;
  private final SegmentStore segments;
  private final Study study;

  ExtractAliasSwapTasklet(ExtractIndexAdmin admin, SegmentStore segments, Study study) {
    this.admin = admin;
    this.segments = segments;
    this.study = study;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
    String index =
        context
            .getStepContext()
            .getStepExecution()
            .getJobExecution()
            .getExecutionContext()
            .getString(NightlyJobConfiguration.EXTRACT_INDEX_KEY);
    long indexed = admin.refreshAndCount(index);
    long expected = segments.countSegments(study.name());
    if (indexed != expected) {
      throw new IllegalStateException(
          "Index "
              + index
              + " holds "
              + indexed
              + " documents but the store has "
              + expected
              + " segments; the alias was not moved");
    }
    admin.swapAlias(study.name(), index);
    admin.deleteOldIndices(study.name());
    contribution.incrementWriteCount(indexed);
    return RepeatStatus.FINISHED;
  }
}
