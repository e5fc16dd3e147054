package org.triangulate.ingest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;

/**
 * Stages the transcripts of {@code transcripts/} and its subfolders ({@code .txt}, {@code .md},
 * {@code .docx}, {@code .vtt}, {@code .srt}), each file one record (a symbolic link leading out of
 * the study folder is refused unread): loaded as a source (canonical text, SHA-256 of the file's
 * bytes, format and line endings) or quarantined with the reason. A file whose checksum and
 * participant list are unchanged is skipped; a transcript whose file is gone, or that never loaded,
 * is removed with its segments and codings; one that loaded before but no longer does keeps its
 * earlier version (quarantined and reported each night until fixed). A transcript in a language the
 * study does not declare is quarantined and, if an earlier version loaded, removed: no version of
 * it is annotated with another language's models. When the folder vanished whole, or more of its
 * files at once than {@link RemovalGuard} allows, nothing is removed and the vanished files are
 * reported as kept. One transaction for the folder.
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
  private final RemovalGuard guard;
  private final java.util.function.UnaryOperator<String> speakerCheck;

  public TranscriptIngestTasklet(
      Path folder,
      Study study,
      StagedStudyStore store,
      InputLedger ledger,
      InputLimits limits,
      RemovalGuard guard,
      java.util.function.UnaryOperator<String> speakerCheck) {
    this.guard = guard;
    this.speakerCheck = speakerCheck;
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
    List<InputFiles.Listed> files = InputFiles.tree(folder, folder.getParent());
    List<String> before = ledger.fileNames(name, INPUT);
    for (InputFiles.Listed listed : files) {
      Path file = listed.path();
      String shortName = listed.name();
      String fileName = FOLDER + shortName;
      seen.add(fileName);
      contribution.incrementReadCount();
      if (listed.refusal() != null) {
        // Never opened: a link out of the study folder could point anywhere.
        InputLoad<StagedTranscript> refused =
            StagedTranscript.quarantined(shortName, listed.refusal());
        ledger.recordLoad(
            name, runId, "refused", InputLedger.fingerprint(listed.refusal()), "loaded", refused);
        contribution.incrementProcessSkipCount(1);
        continue;
      }
      String sha = StructuredInputTasklet.sha256(file);
      String fingerprint = InputLedger.fingerprint(sha, upstream);
      var previous = ledger.previous(name, fileName);
      if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
        ledger.recordUnchanged(name, runId, previous.get());
        if (previous.get().loaded() > 0) {
          present.add(shortName);
        }
        continue;
      }
      InputLoad<StagedTranscript> load =
          StagedTranscript.read(shortName, file, sha, participants, languages, limits);
      boolean refusedLanguage =
          load.quarantined().stream()
              .anyMatch(q -> StagedTranscript.LANGUAGE_LOCATION.equals(q.location()));
      if (load.loaded().isEmpty()
          && !refusedLanguage
          && previous.isPresent()
          && previous.get().loaded() > 0) {
        // A damaged file never erases what it held when it last loaded.
        present.add(shortName);
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
    List<String> gone = before.stream().filter(f -> !seen.contains(f)).toList();
    String refusal = guard.refusal(FOLDER, before.size(), gone.size(), files.isEmpty());
    if (refusal != null) {
      // Nothing at all is removed tonight: what vanished is reported, and stays as it was.
      for (String file : gone) {
        ledger.report(
            name,
            runId,
            new InputLedger.RunLine(
                INPUT, file, InputLedger.MISSING, RemovalGuard.KEPT, 0, 0, 0, null, refusal));
      }
      return RepeatStatus.FINISHED;
    }
    for (String file : gone) {
      ledger.recordRemoved(name, runId, INPUT, file);
    }
    store.removeSourcesOtherThan(name, "transcript", present);
    return RepeatStatus.FINISHED;
  }
}
