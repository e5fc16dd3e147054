package org.triangulate.nlp;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.study.Study;

/**
 * A whole source de-identified a range at a time, with the identifiers the de-identify step finds
 * in it and the study's pseudonyms: for outputs that carry a transcript's full text (the REFI-QDA
 * export), not only its segments. Thread-safe.
 */
public final class SourceRedaction {

  /** One source's text, de-identified range by range with the same identifiers. */
  @FunctionalInterface
  public interface Ranges {
    String text(int from, int to);
  }

  private final Supplier<Deidentifier> deidentifier;
  private final Function<SourceDocument, List<EntityMention>> mentions;
  private final Supplier<KnownNames> known;

  /**
   * @param deidentifier asked for each source: one reading the store's pseudonyms as they are now
   *     (the de-identify step of the same night may have added some)
   */
  public SourceRedaction(
      Supplier<Deidentifier> deidentifier,
      Function<SourceDocument, List<EntityMention>> mentions,
      Supplier<KnownNames> known) {
    this.deidentifier = deidentifier;
    this.mentions = mentions;
    this.known = known;
  }

  /** As the nightly de-identify step sees the study: NER mentions, names and pseudonyms stored. */
  public static SourceRedaction stored(
      SegmentStore store, JdbcTemplate jdbc, Study study, SpeakerTurnSegmenter turns) {
    return new SourceRedaction(
        () ->
            new Deidentifier(
                new IdentifierDetector(study.deidentify(), study.languages().countries()),
                new StoredPseudonyms(jdbc, study.name(), study.deidentify()),
                turns::isRoleLabel),
        source -> store.entities(study.name(), source.sourceId()),
        () -> store.knownNames(study.name()));
  }

  public Ranges of(SourceDocument source, List<Segment> segments) {
    String text = source.text();
    Deidentifier current = deidentifier.get();
    List<Identifier> identifiers =
        current.identifiers(text, mentions.apply(source), known.get(), segments);
    return (from, to) -> current.replace(text, from, to, identifiers);
  }
}
