package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.study.Study;

/**
 * Writes the de-identified text, label and lemmas of the segments of every source that changed, in
 * one pass after annotation: first the names NER found in those sources (and speaker labels that
 * are names) are added to the study's known names (kept in the store, never removed), so each is
 * replaced wherever it is written; then those sources, and every other source that writes a name
 * first known tonight, are de-identified in source order on this one thread, so pseudonyms are
 * handed out without races and the same inputs get the same numbers. Which sources changed comes
 * from {@link SourceSteps}: a source annotated anew, or every source when the settings (the study's
 * configuration, the annotation settings, the build) changed or a full night is asked for.
 */
public final class DeidentifyTasklet implements Tasklet {

  /** The step's name in {@link SourceSteps}. */
  public static final String STEP = "deidentify";

  private final SegmentStore store;
  private final JdbcTemplate jdbc;
  private final Study study;
  private final SpeakerTurnSegmenter turns;
  private final SourceSteps steps;
  private final Supplier<String> settings;
  private final boolean incremental;

  /**
   * @param settings a fingerprint of everything but the sources that shapes the de-identified text
   * @param incremental false to de-identify every source (a full night)
   */
  public DeidentifyTasklet(
      SegmentStore store,
      JdbcTemplate jdbc,
      Study study,
      SpeakerTurnSegmenter turns,
      SourceSteps steps,
      Supplier<String> settings,
      boolean incremental) {
    this.store = store;
    this.jdbc = jdbc;
    this.study = study;
    this.turns = turns;
    this.steps = steps;
    this.settings = settings;
    this.incremental = incremental;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    IdentifierDetector detector =
        new IdentifierDetector(study.deidentify(), study.languages().countries());
    StoredPseudonyms pseudonyms = new StoredPseudonyms(jdbc, study.name(), study.deidentify());
    Deidentifier deidentifier = new Deidentifier(detector, pseudonyms, turns::isRoleLabel);
    SourceSteps.Plan plan =
        steps.plan(study.name(), STEP, settings.get(), List.of(SourceSteps.ANNOTATE));
    if (!incremental) {
      plan = plan.all();
    }
    plan = plan.with(store.sourcesAwaitingDeidentification(study.name()));
    KnownNames known = store.knownNames(study.name());
    KnownNames stored = store.knownNames(study.name());
    for (String sourceId : plan.pending()) {
      SourceDocument source = store.source(study.name(), sourceId);
      detector.collectNames(source.text(), store.entities(study.name(), sourceId), known);
      deidentifier
          .labelNames(store.segments(study.name(), sourceId))
          .forEach(name -> known.add(IdentifierKind.PERSON, name));
    }
    store.addKnownNames(study.name(), known);
    Set<String> firstKnownTonight = stored.missingFrom(known);
    if (!plan.everything() && !firstKnownTonight.isEmpty()) {
      // A name first known tonight is replaced wherever it is written, in unchanged sources too.
      plan = plan.with(store.sourcesWriting(study.name(), firstKnownTonight));
    }
    for (String sourceId : plan.pending()) {
      SourceDocument source = store.source(study.name(), sourceId);
      List<Segment> transcribed = store.segments(study.name(), sourceId);
      List<Identifier> identifiers =
          deidentifier.identifiers(
              source.text(), store.entities(study.name(), sourceId), known, transcribed);
      List<DeidentifiedSegment> segments =
          deidentifier.deidentify(source.text(), identifiers, transcribed);
      store.writeIdentifiers(study.name(), sourceId, identifiers);
      store.writeDeidentified(study.name(), segments);
      steps.done(study.name(), plan, sourceId, fingerprint(segments));
      contribution.incrementReadCount();
      contribution.incrementWriteCount(segments.size());
    }
    steps.forgetRemoved(study.name(), STEP);
    chunkContext
        .getStepContext()
        .getStepExecution()
        .getExecutionContext()
        .putInt("newPseudonyms", pseudonyms.added());
    return RepeatStatus.FINISHED;
  }

  private static String fingerprint(List<DeidentifiedSegment> segments) {
    List<String> parts = new ArrayList<>();
    for (DeidentifiedSegment segment : segments) {
      parts.addAll(
          java.util.Arrays.asList(
              segment.segmentId(), segment.text(), segment.speakerLabel(), segment.lemmas()));
    }
    return Fingerprint.of(parts);
  }
}
