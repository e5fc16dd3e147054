package org.triangulate.batch;

import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.triangulate.study.Study;

/**
 * The nightly job's identity: study and run date make one night's instance; {@code rerun} counts
 * extra runs of the same study on the same date (a manual rerun after a completed night).
 */
public final class NightlyJobParameters {

  public static final String STUDY = "study";
  public static final String RUN_DATE = "runDate";
  public static final String RERUN = "rerun";

  private NightlyJobParameters() {}

  public static JobParameters of(String study, LocalDate runDate, long rerun) {
    return new JobParametersBuilder()
        .addString(STUDY, study)
        .addLocalDate(RUN_DATE, runDate)
        .addLong(RERUN, rerun)
        .toJobParameters();
  }

  /** The night's date. */
  public static LocalDate runDate(JobParameters parameters) {
    return parameters.getLocalDate(RUN_DATE);
  }

  /** Refuses parameters that name another study than the one this process loaded. */
  static final class Validator implements JobParametersValidator {
    private final Study study;

    Validator(Study study) {
      this.study = study;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
      String requested = parameters.getString(STUDY);
      if (!study.name().equals(requested)) {
        throw new InvalidJobParametersException(
            "job parameter study=" + requested + " but this process loaded study " + study.name());
      }
      if (parameters.getLocalDate(RUN_DATE) == null) {
        throw new InvalidJobParametersException("job parameter runDate is required");
      }
    }
  }
}
