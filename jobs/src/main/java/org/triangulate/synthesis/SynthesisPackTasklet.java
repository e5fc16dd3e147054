package org.triangulate.synthesis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.triangulate.ingest.InputsFingerprint;

/**
 * The nightly step that writes every synthesis pack ({@link SynthesisPacks}) for the run's id and
 * date, unless the packs of these very inputs are already written; the write count is the number of
 * packs written.
 */
@Component
public class SynthesisPackTasklet implements Tasklet {

  private static final Logger LOG = LoggerFactory.getLogger(SynthesisPackTasklet.class);

  private final SynthesisPacks packs;
  private final InputsFingerprint inputs;

  SynthesisPackTasklet(SynthesisPacks packs, InputsFingerprint inputs) {
    this.packs = packs;
    this.inputs = inputs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    int written =
        packs
            .writeAllUnlessCurrent(
                job.getId(), job.getJobParameters().getLocalDate("runDate"), inputs.ofEverything())
            .size();
    if (written == 0) {
      LOG.info("No input, configuration or build change since the packs were written: kept");
    }
    contribution.incrementWriteCount(written);
    return RepeatStatus.FINISHED;
  }
}
