package org.triangulate.synthesis;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The nightly step that writes every synthesis pack ({@link SynthesisPacks}) for the run's id and
 * date; the write count is the number of packs.
 */
@Component
public class SynthesisPackTasklet implements Tasklet {

  private final SynthesisPacks packs;

  SynthesisPackTasklet(SynthesisPacks packs) {
    this.packs = packs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    int written =
        packs.writeAll(job.getId(), job.getJobParameters().getLocalDate("runDate")).size();
    contribution.incrementWriteCount(written);
    return RepeatStatus.FINISHED;
  }
}
