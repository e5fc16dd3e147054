package org.triangulate.batch;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.triangulate.study.Study;

/**
 * Launches the nightly job for a study and date. A failed or stopped night is resumed from the step
 * that failed; a completed night run again becomes a new instance with the next {@code rerun}
 * number; a night still running is refused.
 */
@Component
public class NightlyRunner {

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job nightlyJob;
  private final Study study;
  private final RunReportListener reports;

  NightlyRunner(
      JobOperator operator,
      JobRepository repository,
      Job nightlyJob,
      Study study,
      RunReportListener reports) {
    this.operator = operator;
    this.repository = repository;
    this.nightlyJob = nightlyJob;
    this.study = study;
    this.reports = reports;
  }

  public RunReport run(LocalDate runDate) throws Exception {
    Optional<JobExecution> last = lastExecutionOn(runDate);
    JobExecution execution;
    if (last.isPresent() && last.get().getStatus().isRunning()) {
      throw new IllegalStateException(
          "Run "
              + last.get().getId()
              + " of study "
              + study.name()
              + " for "
              + runDate
              + " is still "
              + last.get().getStatus()
              + " (started "
              + last.get().getStartTime()
              + "); not starting another");
    } else if (last.isPresent()
        && last.get().getStatus() != BatchStatus.COMPLETED
        && last.get().getStatus() != BatchStatus.ABANDONED) {
      execution = operator.restart(last.get());
    } else {
      long rerun =
          last.map(e -> e.getJobParameters().getLong(NightlyJobParameters.RERUN, 0L) + 1)
              .orElse(0L);
      execution = operator.start(nightlyJob, NightlyJobParameters.of(study.name(), runDate, rerun));
    }
    return reports.report(execution);
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
