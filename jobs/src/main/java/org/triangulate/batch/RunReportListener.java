package org.triangulate.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.ingest.InputLedger;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.ingest.QuarantinedRecord;
import org.triangulate.ingest.TranscriptIngestTasklet;
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
  private final InputLedger ledger;

  RunReportListener(
      Study study, TriangulateProperties properties, QuarantineLog quarantine, InputLedger ledger) {
    this.study = study;
    this.properties = properties;
    this.quarantine = quarantine;
    this.ledger = ledger;
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

  /**
   * The run's input lines from the ledger: one per structured input and REFI-QDA file, and one for
   * the transcripts folder (its files summed; per-file details are in the notes and the
   * quarantine).
   */
  private List<RunReport.InputLine> inputLines(JobExecution execution) {
    List<RunReport.InputLine> lines = new ArrayList<>();
    RunReport.InputLine transcripts = null;
    List<String> transcriptNotes = new ArrayList<>();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    int transcriptsAt = -1;
    for (InputLedger.RunLine line : ledger.forRun(study.name(), execution.getId())) {
      if (!TranscriptIngestTasklet.INPUT.equals(line.input())) {
        lines.add(
            new RunReport.InputLine(
                line.input(),
                line.fileName(),
                line.sha256(),
                line.status(),
                line.read(),
                line.loaded(),
                line.quarantined(),
                line.notes()));
        continue;
      }
      transcriptsAt = transcriptsAt < 0 ? lines.size() : transcriptsAt;
      statuses.merge(line.status(), 1, Integer::sum);
      if (line.notes() != null && !line.notes().isBlank()) {
        transcriptNotes.add(line.fileName() + ": " + line.notes());
      }
      transcripts =
          new RunReport.InputLine(
              TranscriptIngestTasklet.INPUT,
              TranscriptIngestTasklet.FOLDER,
              "",
              "",
              (transcripts == null ? 0 : transcripts.read()) + line.read(),
              (transcripts == null ? 0 : transcripts.loaded()) + line.loaded(),
              (transcripts == null ? 0 : transcripts.quarantined()) + line.quarantined(),
              null);
    }
    if (transcripts != null) {
      String status =
          statuses.entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey())
              .collect(java.util.stream.Collectors.joining(", "));
      lines.add(
          transcriptsAt,
          new RunReport.InputLine(
              transcripts.input(),
              transcripts.file(),
              transcripts.sha256(),
              status,
              transcripts.read(),
              transcripts.loaded(),
              transcripts.quarantined(),
              transcriptNotes.isEmpty() ? null : String.join("; ", transcriptNotes)));
    }
    return lines;
  }
}
