package org.triangulate.scale;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * Runs the partitions a worker receives with Spring Batch's {@link StepExecutionRequestHandler},
 * after dropping requests that no longer matter: one whose run is over (the manager timed out or
 * failed, and a restart sends fresh requests) or whose partition already completed (a redelivery
 * after its worker died just after finishing). A request redelivered because its worker died
 * mid-partition runs again: the partition's reader skips the transcripts already annotated, and
 * each transcript's segments are replaced in one transaction, so nothing is duplicated.
 * Thread-safe: one call per listener thread.
 */
class PartitionWorker {

  private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

  private final JobRepository jobRepository;
  private final StepExecutionRequestHandler handler;

  PartitionWorker(JobRepository jobRepository, StepExecutionRequestHandler handler) {
    this.jobRepository = jobRepository;
    this.handler = handler;
  }

  void handle(StepExecutionRequest request) {
    StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
    if (partition == null) {
      log.warn("Dropping {}: no such step execution in the job repository", request);
      return;
    }
    BatchStatus run = partition.getJobExecution().getStatus();
    if (!run.isRunning()) {
      log.info("Dropping {}: its run {} is {}", request, partition.getJobExecutionId(), run);
      return;
    }
    if (partition.getStatus() == BatchStatus.COMPLETED) {
      log.info("Dropping {}: already completed", request);
      return;
    }
    long started = System.nanoTime();
    log.info(
        "Running {} of run {} ({})",
        partition.getStepName(),
        partition.getJobExecutionId(),
        partition.getStatus() == BatchStatus.STARTING
            ? "first attempt"
            : "again after a lost worker");
    StepExecution done = handler.handle(request);
    log.info(
        "{} of run {}: {}, {} items written in {} s",
        done.getStepName(),
        done.getJobExecutionId(),
        done.getStatus(),
        done.getWriteCount(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }
}
