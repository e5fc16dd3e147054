package org.triangulate.synthesis;

import java.time.LocalDate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.InputsFingerprint;
import org.triangulate.fingerprint.RebuildNotes;

/**
 * The nightly step that writes every synthesis pack ({@link SynthesisPacks}) for the run's id and
 * date, unless the packs of these very inputs are already written and readable; a pack whose page
 * would be the same but for its night stamp is kept too. The write count is the number of packs
 * rendered, the filter count that of packs kept, and the run report says why packs were looked at.
 */
public class SynthesisPackTasklet implements Tasklet {

  private static final Logger LOG = LoggerFactory.getLogger(SynthesisPackTasklet.class);

  private final SynthesisPacks packs;
  private final InputsFingerprint inputs;
  private final BuiltOutputs built;
  private final Function<JobParameters, LocalDate> runDate;

  /** {@code runDate}: the night's date, from the job's parameters. */
  public SynthesisPackTasklet(
      SynthesisPacks packs,
      InputsFingerprint inputs,
      BuiltOutputs built,
      Function<JobParameters, LocalDate> runDate) {
    this.runDate = runDate;
    this.packs = packs;
    this.inputs = inputs;
    this.built = built;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    SynthesisPacks.Outcome outcome =
        packs.writeAllUnlessCurrent(
            job.getId(), runDate.apply(job.getJobParameters()), inputs.ofEverything(), built);
    outcome
        .rebuiltBecause()
        .ifPresentOrElse(
            why -> RebuildNotes.note(job.getExecutionContext(), "packs", why),
            () ->
                LOG.info(
                    "No input, configuration or build change since the packs were written: kept"));
    if (!outcome.written().isEmpty()) {
      LOG.info(
          "{} of {} packs rendered; the others hold the same content already",
          outcome.rendered().size(),
          outcome.written().size());
    }
    contribution.incrementFilterCount(outcome.written().size() - outcome.rendered().size());
    contribution.incrementWriteCount(outcome.rendered().size());
    return RepeatStatus.FINISHED;
  }
}
