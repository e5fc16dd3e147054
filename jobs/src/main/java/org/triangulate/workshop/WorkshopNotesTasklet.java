package org.triangulate.workshop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.coding.Coding;
import org.triangulate.coding.LemmaRuleCoder;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.Deidentifier;
import org.triangulate.nlp.IdentifierDetector;
import org.triangulate.nlp.KnownNames;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.nlp.StoredPseudonyms;
import org.triangulate.study.Study;

/**
 * Ingests the study's workshop notes: every paragraph de-identified (the study's lists, patterns
 * and the names found in its transcripts, with the transcripts' pseudonyms), lemmatised and coded
 * by the codebook's rules as a participant's turn would be, then kept in {@code workshop_note} in
 * place of the last night's. Workshop notes are a source kind of their own: nothing that computes
 * participants' statistics, coverage or agreement reads that table. Counts paragraphs read, notes
 * written and files quarantined (as skipped).
 */
public class WorkshopNotesTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final SegmentStore segments;
  private final QuarantineLog quarantine;
  private final Study study;
  private final Path folder;

  public WorkshopNotesTasklet(
      JdbcTemplate jdbc,
      SegmentStore segments,
      QuarantineLog quarantine,
      Study study,
      Path folder) {
    this.jdbc = jdbc;
    this.segments = segments;
    this.quarantine = quarantine;
    this.study = study;
    this.folder = folder;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
    List<WorkshopFiles.Paragraph> paragraphs =
        WorkshopFiles.read(
            folder,
            bad -> {
              quarantine.record(study.name(), runId, bad);
              contribution.incrementProcessSkipCount();
            });
    paragraphs.forEach(p -> contribution.incrementReadCount());
    List<WorkshopNote> notes = paragraphs.isEmpty() ? List.of() : notes(paragraphs);
    jdbc.update("delete from workshop_note where study = ?", study.name());
    jdbc.batchUpdate(
        "insert into workshop_note (study, note_id, workshop_id, paragraph, held_on, pack,"
            + " stakeholder_groups, deidentified_text, categories)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        notes.stream()
            .map(n ->
                new Object[] {
                  study.name(),
                  n.noteId(),
                  n.workshop().id(),
                  n.paragraph(),
                  n.workshop().heldOn(),
                  n.workshop().pack(),
                  String.join(";", n.workshop().groups()),
                  n.text(),
                  String.join(";", n.categories())
                })
            .toList());
    contribution.incrementWriteCount(notes.size());
    return RepeatStatus.FINISHED;
  }

  private List<WorkshopNote> notes(List<WorkshopFiles.Paragraph> paragraphs) {
    Deidentifier deidentifier =
        new Deidentifier(
            new IdentifierDetector(study.deidentify(), study.languages().countries()),
            new StoredPseudonyms(jdbc, study.name(), study.deidentify()),
            label -> true);
    KnownNames known = segments.knownNames(study.name());
    CoreNlpAnnotator lemmatiser = new CoreNlpAnnotator("tokenize,ssplit,pos,lemma");
    LemmaRuleCoder coder = new LemmaRuleCoder(study.codebook());
    List<WorkshopNote> notes = new ArrayList<>();
    for (WorkshopFiles.Paragraph p : paragraphs) {
      String id =
          DigestUtils.sha256Hex(
                  (p.workshop().id() + "\n" + p.file() + "\n" + p.number())
                      .getBytes(StandardCharsets.UTF_8))
              .substring(0, 32);
      String text = deidentifier.apply(p.text(), known);
      // Lemmas of the de-identified text: a name never becomes a term a rule could match.
      String lemmas =
          lemmatiser.annotate(text).stream()
              .flatMap(s -> s.tokens().stream())
              .map(t -> t.lemma() == null ? t.word() : t.lemma())
              .collect(Collectors.joining(" "));
      Set<String> categories = new LinkedHashSet<>();
      for (Coding coding : coder.code(id, SpeakerRole.PARTICIPANT, lemmas)) {
        categories.add(coding.category());
      }
      notes.add(new WorkshopNote(id, p.workshop(), p.number(), text, List.copyOf(categories)));
    }
    return notes;
  }
}
