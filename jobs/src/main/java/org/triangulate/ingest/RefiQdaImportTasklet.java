package org.triangulate.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * Imports the REFI-QDA projects of {@code coding/}: each changed project replaces its previous
 * import (codes, placed selections, staged source texts) as a whole; an unchanged one (same bytes,
 * participants, transcripts, mapping and configuration) is skipped; a deleted one is removed. Runs
 * after the transcripts are staged, since selections are placed on them. One transaction.
 */
public class RefiQdaImportTasklet implements Tasklet {

  private final Path folder;
  private final Study study;
  private final StagedStudyStore store;
  private final ImportedCodingStore imported;
  private final InputLedger ledger;
  private final JdbcTemplate jdbc;
  private final String configFingerprint;
  private final InputLimits limits;
  private final RemovalGuard guard;

  public RefiQdaImportTasklet(
      Path folder,
      Study study,
      StagedStudyStore store,
      ImportedCodingStore imported,
      InputLedger ledger,
      JdbcTemplate jdbc,
      String configFingerprint,
      InputLimits limits,
      RemovalGuard guard) {
    this.limits = limits;
    this.guard = guard;
    this.folder = folder;
    this.study = study;
    this.store = store;
    this.imported = imported;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.configFingerprint = configFingerprint;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = contribution.getStepExecution().getJobExecutionId();
    String name = study.name();
    ledger.clearRun(name, runId, RefiQdaInputs.INPUT);
    Set<String> participants = store.participantIds(name);
    Path mappingFile = folder.resolve(RefiQdaInputs.SOURCE_MAPPING);
    Map<String, String> mapping = Map.of();
    String mappingSha = InputLedger.MISSING;
    if (Files.isRegularFile(mappingFile)) {
      var sourceMapping = RefiQdaInputs.sourceMapping(mappingFile, participants, limits);
      mapping = sourceMapping.participantOfSource();
      mappingSha = StructuredInputTasklet.sha256(mappingFile);
      // Read every night (the mapping is needed in memory), reported as unchanged when it is.
      String mappingFingerprint =
          InputLedger.fingerprint(mappingSha, ledger.fingerprintOf(name, "participants.csv"));
      var previous = ledger.previous(name, sourceMapping.load().fileName());
      if (previous.isPresent() && previous.get().fingerprint().equals(mappingFingerprint)) {
        ledger.recordUnchanged(name, runId, previous.get());
      } else {
        ledger.recordLoad(
            name, runId, mappingSha, mappingFingerprint, "loaded", sourceMapping.load());
        count(contribution, sourceMapping.load());
      }
    }
    String upstream =
        InputLedger.fingerprint(
            ledger.fingerprintOf(name, "participants.csv"),
            String.join(
                ",",
                jdbc.queryForList(
                    "select source_id || ':' || sha256 from source where study = ? and origin = 'transcript'"
                        + " order by source_id",
                    String.class,
                    name)),
            mappingSha,
            configFingerprint);
    QdaImporter importer =
        new QdaImporter(study, participants, mapping, p -> store.transcriptsOf(name, p));
    Set<String> seen = new HashSet<>();
    for (Path file : RefiQdaInputs.projects(folder)) {
      String fileName = RefiQdaInputs.FOLDER + file.getFileName();
      seen.add(fileName);
      String sha = StructuredInputTasklet.sha256(file);
      String fingerprint = InputLedger.fingerprint(sha, upstream);
      var previous = ledger.previous(name, fileName);
      if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
        ledger.recordUnchanged(name, runId, previous.get());
        continue;
      }
      QdaImport result = RefiQdaInputs.importFile(fileName, file, importer, limits);
      imported.replaceProject(name, result);
      InputLoad<Object> load = result.asLoad(null);
      ledger.recordLoad(name, runId, sha, fingerprint, "loaded", load);
      count(contribution, load);
    }
    List<String> before =
        ledger.fileNames(name, RefiQdaInputs.INPUT).stream()
            .filter(f -> !f.endsWith("/" + RefiQdaInputs.SOURCE_MAPPING))
            .toList();
    List<String> gone = before.stream().filter(f -> !seen.contains(f)).toList();
    String refusal =
        guard.refusal(RefiQdaInputs.FOLDER, before.size(), gone.size(), seen.isEmpty());
    for (String file : gone) {
      if (refusal != null) {
        ledger.report(
            name,
            runId,
            new InputLedger.RunLine(
                RefiQdaInputs.INPUT,
                file,
                InputLedger.MISSING,
                RemovalGuard.KEPT,
                0,
                0,
                0,
                null,
                refusal));
      } else {
        imported.removeProject(name, file);
        ledger.recordRemoved(name, runId, RefiQdaInputs.INPUT, file);
      }
    }
    if (!Files.isRegularFile(mappingFile)) {
      ledger.forget(name, RefiQdaInputs.FOLDER + RefiQdaInputs.SOURCE_MAPPING);
    }
    return RepeatStatus.FINISHED;
  }

  private static void count(StepContribution contribution, InputLoad<?> load) {
    for (long i = 0; i < load.read(); i++) {
      contribution.incrementReadCount();
    }
    contribution.incrementWriteCount(load.loaded().size());
    contribution.incrementProcessSkipCount(load.quarantined().size());
  }
}
