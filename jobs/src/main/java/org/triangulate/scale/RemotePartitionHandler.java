package org.triangulate.scale;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Sends a partitioned step's partitions to workers (Spring Batch's {@link
 * MessageChannelPartitionHandler}) and learns that they finished by polling the job repository,
 * which survives a manager or broker restart. How many partitions a step gets is decided when it
 * first runs (a restart keeps that number, so partition names stay stable). When the partitions do
 * not all finish within the timeout, the step fails naming the timeout and the partitions still
 * open, and marks those failed so a restart re-sends them and a late worker's next commit is
 * refused. One step at a time per instance (the run lock ensures it).
 */
public class RemotePartitionHandler implements PartitionHandler {

  private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

  private final MessagingTemplate requests;
  private final JobRepository jobRepository;
  private final String workerStepName;
  private final IntSupplier gridSize;
  private final Duration timeout;
  private final Duration pollInterval;
  private final String destination;
  private final Runnable preflight;

  /**
   * @param requests sends each partition's request towards the workers
   * @param gridSize how many partitions a first attempt makes
   * @param destination where requests go, named in the timeout message (e.g. the queue)
   * @param preflight checks the way to the workers before anything is sent; throws when blocked
   */
  public RemotePartitionHandler(
      MessagingTemplate requests,
      JobRepository jobRepository,
      String workerStepName,
      IntSupplier gridSize,
      Duration timeout,
      Duration pollInterval,
      String destination,
      Runnable preflight) {
    this.requests = requests;
    this.jobRepository = jobRepository;
    this.workerStepName = workerStepName;
    this.gridSize = gridSize;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
    this.destination = destination;
    this.preflight = preflight;
  }

  @Override
  public Collection<StepExecution> handle(
      StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
    preflight.run();
    MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    handler.setStepName(workerStepName);
    handler.setGridSize(Math.max(1, gridSize.getAsInt()));
    handler.setMessagingOperations(requests);
    handler.setJobRepository(jobRepository);
    handler.setPollInterval(pollInterval.toMillis());
    handler.setTimeout(timeout.toMillis());
    handler.afterPropertiesSet();
    ScheduledExecutorService progress =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("remote-partitions-progress").factory());
    progress.scheduleWithFixedDelay(
        () -> logProgress(managerStepExecution), 10, 10, TimeUnit.SECONDS);
    try {
      Collection<StepExecution> finished = handler.handle(splitter, managerStepExecution);
      finished.forEach(partition -> mirror(partition, managerStepExecution));
      return finished;
    } catch (TimeoutException e) {
      List<String> open = failOpenPartitions(managerStepExecution);
      throw new PartitionTimeoutException(
          String.format(
              "workers did not finish %d partition(s) within triangulate.scale.timeout=%s: %s."
                  + " Are workers running (./triangulate worker) and reading %s? Run again to"
                  + " resume: finished partitions are kept.",
              open.size(), timeout, String.join(", ", open), destination));
    } finally {
      progress.shutdownNow();
    }
  }

  /** A line in the log: the workers' progress as the job repository has it. */
  private void logProgress(StepExecution managerStepExecution) {
    try {
      List<StepExecution> partitions =
          jobRepository
              .getJobExecution(managerStepExecution.getJobExecutionId())
              .getStepExecutions()
              .stream()
              .filter(s -> s.getStepName().startsWith(workerStepName + ":"))
              .toList();
      log.info(
          "{}: {}/{} partitions finished, {} items written",
          managerStepExecution.getStepName(),
          partitions.stream().filter(s -> !s.getStatus().isRunning()).count(),
          partitions.size(),
          partitions.stream().mapToLong(StepExecution::getWriteCount).sum());
    } catch (RuntimeException e) {
      log.debug("No progress line: {}", e.getMessage());
    }
  }

  /** The partitions of this execution still open, marked failed; their names, sorted. */
  private List<String> failOpenPartitions(StepExecution managerStepExecution) {
    List<StepExecution> open =
        jobRepository
            .getJobExecution(managerStepExecution.getJobExecutionId())
            .getStepExecutions()
            .stream()
            .filter(s -> s.getStepName().startsWith(workerStepName + ":"))
            .filter(s -> s.getStatus().isRunning())
            .toList();
    for (StepExecution partition : open) {
      try {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(
            ExitStatus.FAILED.addExitDescription("no worker finished it in time"));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
      } catch (DataAccessException e) {
        // A worker committed meanwhile (optimistic lock): it is alive, and a restart sees its
        // state.
        log.warn("Could not mark {} failed: {}", partition.getStepName(), e.getMessage());
      }
      mirror(partition, managerStepExecution);
    }
    return open.stream()
        .map(s -> s.getStepName().substring(workerStepName.length() + 1))
        .sorted(java.util.Comparator.comparingInt(RemotePartitionHandler::partitionNumber))
        .toList();
  }

  /**
   * Copies a partition's state as read from the repository onto this process's copy of it, which
   * the job execution (and so the run report) holds and the workers never touch.
   */
  private static void mirror(StepExecution fromRepository, StepExecution managerStepExecution) {
    managerStepExecution.getJobExecution().getStepExecutions().stream()
        .filter(local -> local.getId() == fromRepository.getId() && local != fromRepository)
        .forEach(local -> {
          local.setStatus(fromRepository.getStatus());
          local.setExitStatus(fromRepository.getExitStatus());
          local.setStartTime(fromRepository.getStartTime());
          local.setEndTime(fromRepository.getEndTime());
          local.setReadCount(fromRepository.getReadCount());
          local.setWriteCount(fromRepository.getWriteCount());
          local.setFilterCount(fromRepository.getFilterCount());
          local.setCommitCount(fromRepository.getCommitCount());
          local.setRollbackCount(fromRepository.getRollbackCount());
          local.setReadSkipCount(fromRepository.getReadSkipCount());
          local.setProcessSkipCount(fromRepository.getProcessSkipCount());
          local.setWriteSkipCount(fromRepository.getWriteSkipCount());
          local.setVersion(fromRepository.getVersion());
        });
  }

  private static int partitionNumber(String name) {
    String digits = name.replaceAll("\\D", "");
    return digits.isEmpty()
        ? 0
        : Integer.parseInt(digits.substring(0, Math.min(9, digits.length())));
  }

  /** The step's partitions did not all finish in time. */
  public static class PartitionTimeoutException extends RuntimeException {
    PartitionTimeoutException(String message) {
      super(message);
    }
  }
}
