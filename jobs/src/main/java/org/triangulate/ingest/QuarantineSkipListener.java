package org.triangulate.ingest;

import java.nio.file.Path;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;

/**
 * Turns every skipped record of an ingest step into a quarantine entry with file, location and
 * reason, so a bad record is counted and reported, never silently dropped.
 */
public class QuarantineSkipListener<T> implements SkipListener<T, Object> {

  private final QuarantineLog log;
  private final String study;
  private final String input;
  private final String fileName;

  public QuarantineSkipListener(QuarantineLog log, String study, String input, String fileName) {
    this.log = log;
    this.study = study;
    this.input = input;
    this.fileName = fileName;
  }

  @Override
  public void onSkipInProcess(T item, Throwable t) {
    log.record(
        study,
        currentRunId(),
        switch (item) {
          case CsvRow row ->
              new QuarantinedRecord(
                  input, row.fileName(), "line " + row.line(), t.getMessage(), row.asText());
          case Path file ->
              new QuarantinedRecord(
                  input, file.getFileName().toString(), "file", t.getMessage(), null);
          default ->
              new QuarantinedRecord(
                  input, fileName, "record", t.getMessage(), String.valueOf(item));
        });
  }

  @Override
  public void onSkipInRead(Throwable t) {
    log.record(
        study,
        currentRunId(),
        new QuarantinedRecord(input, fileName, "read", t.getMessage(), null));
  }

  private static long currentRunId() {
    // Skips are reported on the step's own thread, where Spring Batch keeps the running step.
    return StepSynchronizationManager.getContext().getStepExecution().getJobExecutionId();
  }
}
