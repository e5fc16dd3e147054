package org.triangulate.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.ingest.InputLedger;
import org.triangulate.ingest.OpaqueSourceIds;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.ingest.QuarantinedRecord;
import org.triangulate.ingest.TranscriptIngestTasklet;
import org.triangulate.output.OutputFiles;
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
  private final JobRepository repository;
  private final JdbcTemplate jdbc;
  private final org.triangulate.ingest.StagedStudyStore store;

  RunReportListener(
      Study study,
      TriangulateProperties properties,
      QuarantineLog quarantine,
      InputLedger ledger,
      @org.springframework.context.annotation.Lazy JobRepository repository,
      JdbcTemplate jdbc,
      org.triangulate.ingest.StagedStudyStore store) {
    this.store = store;
    this.study = study;
    this.properties = properties;
    this.quarantine = quarantine;
    this.ledger = ledger;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  @Override
  public void afterJob(JobExecution execution) {
    RunReport report = report(execution);
    Path dir = runDirectory(execution.getId());
    OutputFiles.write(dir.resolve("report.json"), out -> JSON.writeValue(out, report));
    OutputFiles.writeString(
        dir.resolve("report.txt"), report.toText() + ChangesSummary.of(dir.resolve("changes.txt")));
  }

  public Path runDirectory(long runId) {
    return properties.studyOutput(study.name()).resolve("runs").resolve(Long.toString(runId));
  }

  /** The report of a run, from the job repository's counts and the store's quarantine. */
  public RunReport report(JobExecution execution) {
    // The running attempt from memory (the repository may not have its last counts yet), earlier
    // ones stored.
    List<JobExecution> attempts =
        new ArrayList<>(repository.getJobExecutions(execution.getJobInstance()));
    attempts.removeIf(a -> a.getId() == execution.getId());
    attempts.add(execution);
    List<StepExecution> steps = latestAttemptOfEachStep(attempts);
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    attempts.forEach(a -> quarantined.addAll(quarantine.forRun(study.name(), a.getId())));
    Path out = properties.studyOutput(study.name());
    Map<String, String> outputs = new LinkedHashMap<>();
    if (!quarantined.isEmpty()) {
      outputs.put(
          "quarantine", quarantine.export(quarantined, out.resolve("quarantine")).toString());
    }
    outputs.put("report", runDirectory(execution.getId()).resolve("report.txt").toString());
    String index =
        execution.getExecutionContext().getString(ExtractsUpToDateDecider.OUTCOME_KEY, "");
    if (!index.isEmpty()) {
      outputs.put("index", index);
    }
    putIfPresent(
        outputs, "coding coverage", runDirectory(execution.getId()).resolve("coverage.txt"));
    putIfPresent(outputs, "REFI-QDA export", out.resolve("export").resolve(study.name() + ".qdpx"));
    putIfPresent(outputs, "statistics", out.resolve("stats").resolve("items.csv"));
    putIfPresent(outputs, "patterns", out.resolve("stats").resolve("patterns.csv"));
    Path packs = out.resolve("packs");
    putIfPresent(outputs, "agreement between coders", out.resolve("agreement"));
    putIfPresent(outputs, "framework and presence matrices", out.resolve("matrices"));
    putIfPresent(outputs, "changes since the last night", out.resolve("changes.html"));
    study
        .packs()
        .forEach(p -> {
          if (!p.isPerCase()) {
            putIfPresent(outputs, "pack " + p.id(), packs.resolve(p.id()).resolve("index.html"));
          } else if (anyCasePack(packs, p.id())) {
            outputs.put(
                "pack " + p.id(),
                packs.resolve(p.id() + "-<case>").resolve("index.html").toString());
          }
        });
    return new RunReport(
        execution.getId(),
        study.name(),
        execution.getStatus().name(),
        failure(execution, steps),
        execution.getStartTime(),
        execution.getEndTime(),
        RunReport.stepLines(steps),
        inputLines(attempts),
        outputs,
        store.languages(study.name()).stream()
            .map(l -> new RunReport.LanguageLine(l.source(), l.language(), l.shares()))
            .toList(),
        org.triangulate.fingerprint.RebuildNotes.of(execution.getExecutionContext()),
        unalignedItems(steps));
  }

  private static List<String> unalignedItems(List<StepExecution> steps) {
    return steps.stream()
        .filter(s -> s.getStepName().equals("alignItemsStep"))
        .map(s ->
            s.getExecutionContext()
                .getString(org.triangulate.align.ItemAlignmentStepListener.UNALIGNED_ITEMS, ""))
        .filter(items -> !items.isEmpty())
        .findFirst()
        .map(items -> List.of(items.split(",")))
        .orElse(List.of());
  }

  /** Only outputs that exist when the run ends are reported as its outputs. */
  private static void putIfPresent(Map<String, String> outputs, String name, Path file) {
    boolean present;
    if (java.nio.file.Files.isDirectory(file)) {
      try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(file)) {
        present = files.findAny().isPresent();
      } catch (java.io.IOException e) {
        present = false;
      }
    } else {
      present = org.triangulate.fingerprint.BuiltOutputs.problem(file).isEmpty();
    }
    if (present) {
      outputs.put(name, file.toString());
    }
  }

  private static boolean anyCasePack(Path packs, String packId) {
    if (!java.nio.file.Files.isDirectory(packs)) {
      return false;
    }
    try (java.util.stream.Stream<Path> folders = java.nio.file.Files.list(packs)) {
      return folders.anyMatch(f ->
          f.getFileName().toString().startsWith(packId + "-")
              && org.triangulate.fingerprint.BuiltOutputs.problem(f.resolve("index.html"))
                  .isEmpty());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Which step failed and the innermost cause's own words; empty for a successful run. */
  private static String failure(JobExecution execution, List<StepExecution> steps) {
    for (StepExecution step : steps) {
      if (!step.getFailureExceptions().isEmpty()) {
        return step.getStepName() + " failed: " + rootCause(step.getFailureExceptions().getFirst());
      }
    }
    return execution.getAllFailureExceptions().stream()
        .findFirst()
        .map(RunReportListener::rootCause)
        .orElse("");
  }

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /**
   * A restarted night does not repeat the steps an earlier attempt finished; its report still shows
   * them, from the attempt that ran them last.
   */
  private static List<StepExecution> latestAttemptOfEachStep(List<JobExecution> attempts) {
    Map<String, StepExecution> latest = new LinkedHashMap<>();
    attempts.stream()
        .sorted(java.util.Comparator.comparingLong(JobExecution::getId))
        .flatMap(a -> a.getStepExecutions().stream())
        .forEach(step -> latest.put(step.getStepName(), step));
    return latest.values().stream()
        .sorted(
            java.util.Comparator.comparing(
                StepExecution::getStartTime,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
        .toList();
  }

  /**
   * The run's input lines from the ledger: one per structured input and REFI-QDA file, and one for
   * the transcripts folder (its files summed; per-file details are in the notes and the
   * quarantine). A resumed night takes them from the latest attempt that ran the ingest steps.
   */
  private List<RunReport.InputLine> inputLines(List<JobExecution> attempts) {
    long ingestAttempt =
        attempts.stream()
            .map(JobExecution::getId)
            .filter(id -> !ledger.forRun(study.name(), id).isEmpty())
            .max(Long::compare)
            .orElse(attempts.getLast().getId());
    List<RunReport.InputLine> lines = new ArrayList<>();
    RunReport.InputLine transcripts = null;
    List<String> transcriptNotes = new ArrayList<>();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    Map<String, String> opaqueIds = OpaqueSourceIds.ofTranscriptFiles(jdbc, study.name());
    int transcriptsAt = -1;
    for (InputLedger.RunLine line : ledger.forRun(study.name(), ingestAttempt)) {
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
        // A transcript's file name may name the person: the report names its source instead.
        transcriptNotes.add(
            opaqueIds.getOrDefault(line.fileName(), "a transcript not loaded (see the quarantine)")
                + ": "
                + line.notes());
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
