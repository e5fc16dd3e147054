package org.triangulate.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.ingest.QuarantinedRecord;
import org.triangulate.study.Study;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * At the end of every run, successful or not, writes {@code
 * data-out/<study>/runs/<run>/report.json} and {@code report.txt} and the run's quarantine to
 * {@code data-out/<study>/quarantine/}.
 */
@Component
public class RunReportListener implements JobExecutionListener {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Study study;
  private final TriangulateProperties properties;
  private final QuarantineLog quarantine;

  RunReportListener(Study study, TriangulateProperties properties, QuarantineLog quarantine) {
    this.study = study;
    this.properties = properties;
    this.quarantine = quarantine;
  }

  @Override
  public void afterJob(JobExecution execution) {
    RunReport report = report(execution);
    Path dir = runDirectory(execution.getId());
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve("report.json").toFile(), report);
      Files.writeString(dir.resolve("report.txt"), report.toText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path runDirectory(long runId) {
    return properties.studyOutput(study.name()).resolve("runs").resolve(Long.toString(runId));
  }

  /** The report of a run, from the job repository's counts and the store's quarantine. */
  public RunReport report(JobExecution execution) {
    List<QuarantinedRecord> quarantined = quarantine.forRun(study.name(), execution.getId());
    Path out = properties.studyOutput(study.name());
    Map<String, String> outputs = new LinkedHashMap<>();
    if (!quarantined.isEmpty()) {
      outputs.put(
          "quarantine", quarantine.export(quarantined, out.resolve("quarantine")).toString());
    }
    outputs.put("report", runDirectory(execution.getId()).resolve("report.txt").toString());
    outputs.put("statistics", out.resolve("stats").toString());
    study
        .packs()
        .forEach(p ->
            outputs.put(
                "pack " + p.id(),
                out.resolve("packs").resolve(p.id()).resolve("index.html").toString()));
    return new RunReport(
        execution.getId(),
        study.name(),
        execution.getStatus().name(),
        execution.getExitStatus().getExitDescription(),
        execution.getStartTime(),
        execution.getEndTime(),
        RunReport.stepLines(execution),
        inputLines(execution),
        outputs);
  }

  private List<RunReport.InputLine> inputLines(JobExecution execution) {
    List<RunReport.InputLine> lines = new ArrayList<>();
    for (StepExecution step : execution.getStepExecutions()) {
      String file = RunReport.INGEST_STEPS.get(step.getStepName());
      if (file != null) {
        long quarantinedCount = step.getSkipCount();
        lines.add(
            new RunReport.InputLine(
                step.getStepName(),
                file,
                checksum(properties.studyInput(study.name()).resolve(file)),
                step.getReadCount() + step.getReadSkipCount(),
                step.getWriteCount(),
                quarantinedCount));
      }
    }
    return lines;
  }

  private static String checksum(Path file) {
    if (!Files.isRegularFile(file)) {
      return Files.isDirectory(file) ? "" : "missing";
    }
    try (InputStream in = Files.newInputStream(file)) {
      return DigestUtils.sha256Hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
