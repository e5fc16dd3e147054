package org.triangulate.nlp;

import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.study.Study;

/**
 * Writes every segment's de-identified text, label and lemmas, in one pass over the study after
 * annotation: first the names NER found anywhere (and speaker labels that are names) are added to
 * the study's known names (kept in the store, never removed), so each is replaced wherever it is
 * written; then the transcripts are de-identified in source order on this one thread, so pseudonyms
 * are handed out without races and the same inputs get the same numbers. The whole study is done
 * every night: it is quick, and a changed list in study.yml or a name first recognised in a new
 * transcript reaches every transcript.
 */
public final class DeidentifyTasklet implements Tasklet {

  private final SegmentStore store;
  private final JdbcTemplate jdbc;
  private final Study study;
  private final SpeakerTurnSegmenter turns;

  public DeidentifyTasklet(
      SegmentStore store, JdbcTemplate jdbc, Study study, SpeakerTurnSegmenter turns) {
    this.store = store;
    this.jdbc = jdbc;
    this.study = study;
    this.turns = turns;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    IdentifierDetector detector =
        new IdentifierDetector(study.deidentify(), study.languages().countries());
    StoredPseudonyms pseudonyms = new StoredPseudonyms(jdbc, study.name(), study.deidentify());
    Deidentifier deidentifier = new Deidentifier(detector, pseudonyms, turns::isRoleLabel);
    List<String> sourceIds = store.sourceIds(study.name());
    KnownNames known = store.knownNames(study.name());
    for (String sourceId : sourceIds) {
      SourceDocument source = store.source(study.name(), sourceId);
      detector.collectNames(source.text(), store.entities(study.name(), sourceId), known);
      deidentifier
          .labelNames(store.segments(study.name(), sourceId))
          .forEach(name -> known.add(IdentifierKind.PERSON, name));
    }
    store.addKnownNames(study.name(), known);
    for (String sourceId : sourceIds) {
      SourceDocument source = store.source(study.name(), sourceId);
      List<Segment> transcribed = store.segments(study.name(), sourceId);
      List<Identifier> identifiers =
          deidentifier.identifiers(
              source.text(), store.entities(study.name(), sourceId), known, transcribed);
      List<DeidentifiedSegment> segments =
          deidentifier.deidentify(source.text(), identifiers, transcribed);
      store.writeIdentifiers(study.name(), sourceId, identifiers);
      store.writeDeidentified(study.name(), segments);
      contribution.incrementReadCount();
      contribution.incrementWriteCount(segments.size());
    }
    chunkContext
        .getStepContext()
        .getStepExecution()
        .getExecutionContext()
        .putInt("newPseudonyms", pseudonyms.added());
    return RepeatStatus.FINISHED;
  }
}
