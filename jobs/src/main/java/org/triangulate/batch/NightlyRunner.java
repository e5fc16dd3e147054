package org.triangulate.batch;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.triangulate.study.Study;

/**
 * Launches the nightly job for a study and date, one run per study at a time ({@link RunLock}). A
 * failed or stopped night is resumed from the step that failed; a completed night run again becomes
 * a new instance with the next {@code rerun} number.
 */
@Component
public class NightlyRunner {

  private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job nightlyJob;
  private final Study study;
  private final RunReportListener reports;
  private final RunLock runLock;

  NightlyRunner(
      JobOperator operator,
      JobRepository repository,
      Job nightlyJob,
      Study study,
      RunReportListener reports,
      RunLock runLock) {
    this.operator = operator;
    this.repository = repository;
    this.nightlyJob = nightlyJob;
    this.study = study;
    this.reports = reports;
    this.runLock = runLock;
  }

  /**
   * Runs the study's night under its run lock. Holding the lock proves no live process runs the
   * study, so an execution still marked running was left by a killed process: it is recovered
   * (marked failed) and resumed from the step it was in.
   */
  public RunReport run(LocalDate runDate) throws Exception {
    try (RunLock.Held held = runLock.acquire(study.name())) {
      return reports.report(launch(runDate));
    }
  }

  private JobExecution launch(LocalDate runDate) throws Exception {
    Optional<JobExecution> last = lastExecutionOn(runDate);
    if (last.isPresent() && last.get().getStatus().isRunning()) {
      log.warn(
          "Execution {} of study {} was left running by a killed process; resuming it",
          last.get().getId(),
          study.name());
      return operator.restart(operator.recover(last.get()));
    }
    if (last.isPresent()
        && last.get().getStatus() != BatchStatus.COMPLETED
        && last.get().getStatus() != BatchStatus.ABANDONED) {
      return operator.restart(last.get());
    }
    long rerun =
        last.map(e -> e.getJobParameters().getLong(NightlyJobParameters.RERUN, 0L) + 1).orElse(0L);
    return operator.start(nightlyJob, NightlyJobParameters.of(study.name(), runDate, rerun));
  }

  /**
   * Resumes the study's most recent night if it did not complete (failed, stopped, or left running
   * by a killed process); empty when the latest night completed.
   */
  public Optional<RunReport> restartLatest() throws Exception {
    Optional<JobExecution> latest = history(1).stream().findFirst();
    if (latest.isEmpty()
        || latest.get().getStatus() == BatchStatus.COMPLETED
        || latest.get().getStatus() == BatchStatus.ABANDONED) {
      return Optional.empty();
    }
    return Optional.of(
        run(latest.get().getJobParameters().getLocalDate(NightlyJobParameters.RUN_DATE)));
  }

  /** The latest execution of this study's nightly job on the date, across reruns. */
  Optional<JobExecution> lastExecutionOn(LocalDate runDate) {
    List<JobInstance> instances = repository.findJobInstances(NightlyJobConfiguration.JOB_NAME);
    return instances.stream()
        .flatMap(instance -> repository.getJobExecutions(instance).stream())
        .filter(
            e -> study.name().equals(e.getJobParameters().getString(NightlyJobParameters.STUDY)))
        .filter(
            e -> runDate.equals(e.getJobParameters().getLocalDate(NightlyJobParameters.RUN_DATE)))
        .max(Comparator.comparingLong(JobExecution::getId));
  }

  /** Past runs of this study, newest first. */
  public List<JobExecution> history(int limit) {
    return repository.findJobInstances(NightlyJobConfiguration.JOB_NAME).stream()
        .flatMap(instance -> repository.getJobExecutions(instance).stream())
        .filter(
            e -> study.name().equals(e.getJobParameters().getString(NightlyJobParameters.STUDY)))
        .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
        .limit(limit)
        .toList();
  }
}
