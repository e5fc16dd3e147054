package org.triangulate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.study.Study;

/**
 * Loads one structured input (cases, participants or responses CSV) in a single transaction: a
 * changed file replaces the last load's records atomically, an unchanged one (same checksum, same
 * upstream load, same study configuration) is skipped with its counts and quarantine carried over,
 * a deleted one removes its records. A tasklet rather than a chunk step because duplicates are
 * quarantined in pairs (both rows, found only after reading the whole file) and the replace must be
 * all or nothing. Counts: read, written (loaded), process-skipped (quarantined).
 */
public class StructuredInputTasklet implements Tasklet {

  private final StructuredInput kind;
  private final Path folder;
  private final Study study;
  private final StagedStudyStore store;
  private final InputLedger ledger;
  private final String configFingerprint;
  private final InputLimits limits;
  private final RemovalGuard guard;

  public StructuredInputTasklet(
      StructuredInput kind,
      Path folder,
      Study study,
      StagedStudyStore store,
      InputLedger ledger,
      String configFingerprint,
      InputLimits limits,
      RemovalGuard guard) {
    this.limits = limits;
    this.guard = guard;
    this.kind = kind;
    this.folder = folder;
    this.study = study;
    this.store = store;
    this.ledger = ledger;
    this.configFingerprint = configFingerprint;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = contribution.getStepExecution().getJobExecutionId();
    String name = study.name();
    ledger.clearRun(name, runId, kind.input());
    Path file = folder.resolve(kind.fileName());
    boolean present = Files.isRegularFile(file);
    String sha = present ? sha256(file) : InputLedger.MISSING;
    String upstream = kind.upstream() == null ? "" : ledger.fingerprintOf(name, kind.upstream());
    String fingerprint = Fingerprint.of(sha, upstream, configFingerprint);
    var previous = ledger.previous(name, kind.fileName());
    if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
      ledger.recordUnchanged(name, runId, previous.get());
      return RepeatStatus.FINISHED;
    }
    boolean loadedBefore =
        previous.filter(p -> !InputLedger.MISSING.equals(p.sha256()) && p.loaded() > 0).isPresent();
    String refusal = present || !loadedBefore ? null : guard.refusal(kind.fileName(), 1, 1, true);
    if (refusal != null) {
      // The ledger keeps its entry, so each night asks again until the file is back or removal
      // is allowed.
      ledger.report(
          name,
          runId,
          new InputLedger.RunLine(
              kind.input(),
              kind.fileName(),
              InputLedger.MISSING,
              RemovalGuard.KEPT,
              0,
              0,
              0,
              null,
              refusal));
      return RepeatStatus.FINISHED;
    }
    InputLoad<?> load;
    if (present) {
      load = load(CsvFileReader.read(file, kind.fileName(), limits));
    } else {
      // A deleted input removes what it loaded last time.
      clear();
      load = InputLoad.missing(kind.input(), kind.fileName());
    }
    String status =
        present
            ? "loaded"
            : previous.filter(p -> !InputLedger.MISSING.equals(p.sha256())).isPresent()
                ? "removed"
                : "missing";
    ledger.recordLoad(name, runId, sha, fingerprint, status, load);
    for (long i = 0; i < load.read(); i++) {
      contribution.incrementReadCount();
    }
    contribution.incrementWriteCount(load.loaded().size());
    contribution.incrementProcessSkipCount(load.quarantined().size());
    return RepeatStatus.FINISHED;
  }

  private InputLoad<?> load(CsvFile file) {
    String name = study.name();
    return switch (kind) {
      case CASES -> {
        var load = CsvInputLoader.cases(file, study);
        store.replaceCases(name, load.loaded());
        yield load;
      }
      case PARTICIPANTS -> {
        var load = CsvInputLoader.participants(file, study, store.caseIds(name));
        store.replaceParticipants(name, load.loaded());
        yield load;
      }
      case RESPONSES -> {
        var load = CsvInputLoader.responses(file, study, store.participantIds(name));
        store.replaceResponses(name, load.loaded());
        yield load;
      }
    };
  }

  private void clear() {
    switch (kind) {
      case CASES -> store.clearCases(study.name());
      case PARTICIPANTS -> store.clearParticipants(study.name());
      case RESPONSES -> store.clearResponses(study.name());
    }
  }

  static String sha256(Path file) {
    try (var in = Files.newInputStream(file)) {
      return DigestUtils.sha256Hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
