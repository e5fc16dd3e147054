package org.triangulate.ingest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;

/**
 * Stages the transcripts of {@code transcripts/} ({@code .txt}, {@code .md}, {@code .docx}), each
 * file one record: loaded as a source (canonical text, SHA-256 of the file's bytes, format and line
 * endings) or quarantined with the reason. A file whose checksum and participant list are unchanged
 * is skipped; a transcript whose file is gone, or that never loaded, is removed with its segments
 * and codings; one that loaded before but no longer does keeps its earlier version (quarantined and
 * reported each night until fixed). A transcript in a language the study does not declare is
 * quarantined and, if an earlier version loaded, removed: no version of it is annotated with
 * another language's models. One transaction for the folder.
 */
public class TranscriptIngestTasklet implements Tasklet {

  public static final String INPUT = "transcripts";
  public static final String FOLDER = "transcripts/";

  private final Path folder;
  private final Study study;
  private final StagedStudyStore store;
  private final InputLedger ledger;
  private final TranscriptLanguages languages;
  private final InputLimits limits;

  public TranscriptIngestTasklet(
      Path folder, Study study, StagedStudyStore store, InputLedger ledger, InputLimits limits) {
    this.folder = folder;
    this.study = study;
    this.store = store;
    this.ledger = ledger;
    this.languages = new TranscriptLanguages(study.languages());
    this.limits = limits;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = contribution.getStepExecution().getJobExecutionId();
    String name = study.name();
    ledger.clearRun(name, runId, INPUT);
    Set<String> participants = store.participantIds(name);
    String upstream = ledger.fingerprintOf(name, "participants.csv");
    Set<String> present = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Path file : InputFiles.list(folder)) {
      String fileName = FOLDER + file.getFileName();
      seen.add(fileName);
      String sha = StructuredInputTasklet.sha256(file);
      String fingerprint = InputLedger.fingerprint(sha, upstream);
      var previous = ledger.previous(name, fileName);
      contribution.incrementReadCount();
      if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
        ledger.recordUnchanged(name, runId, previous.get());
        if (previous.get().loaded() > 0) {
          present.add(file.getFileName().toString());
        }
        continue;
      }
      InputLoad<StagedTranscript> load =
          StagedTranscript.read(
              file.getFileName().toString(), file, sha, participants, languages, limits);
      boolean refusedLanguage =
          load.quarantined().stream()
              .anyMatch(q -> StagedTranscript.LANGUAGE_LOCATION.equals(q.location()));
      if (load.loaded().isEmpty()
          && !refusedLanguage
          && previous.isPresent()
          && previous.get().loaded() > 0) {
        // A damaged file never erases what it held when it last loaded.
        present.add(file.getFileName().toString());
        ledger.recordRejectedKeepingPrevious(name, runId, sha, load);
        contribution.incrementProcessSkipCount(load.quarantined().size());
        continue;
      }
      for (StagedTranscript transcript : load.loaded()) {
        store.upsertSource(name, transcript.source(), transcript.origin());
        LanguageVerdict language = transcript.language();
        store.recordLanguage(
            name, transcript.source().sourceId(), language.language(), language.sharesText());
        present.add(transcript.source().sourceId());
      }
      ledger.recordLoad(name, runId, sha, fingerprint, "loaded", load);
      contribution.incrementWriteCount(load.loaded().size());
      contribution.incrementProcessSkipCount(load.quarantined().size());
    }
    for (String gone : ledger.fileNames(name, INPUT)) {
      if (!seen.contains(gone)) {
        ledger.recordRemoved(name, runId, INPUT, gone);
      }
    }
    store.removeSourcesOtherThan(name, "transcript", present);
    return RepeatStatus.FINISHED;
  }
}
