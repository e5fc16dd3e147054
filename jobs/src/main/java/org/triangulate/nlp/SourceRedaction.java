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

  private final Deidentifier deidentifier;
  private final Function<SourceDocument, List<EntityMention>> mentions;
  private final Supplier<KnownNames> known;

  public SourceRedaction(
      Deidentifier deidentifier,
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
        new Deidentifier(
            new IdentifierDetector(study.deidentify()),
            new StoredPseudonyms(jdbc, study.name(), study.deidentify()),
            turns::isRoleLabel),
        source -> store.entities(study.name(), source.sourceId()),
        () -> store.knownNames(study.name()));
  }

  public Ranges of(SourceDocument source, List<Segment> segments) {
    String text = source.text();
    List<Identifier> identifiers =
        deidentifier.identifiers(text, mentions.apply(source), known.get(), segments);
    return (from, to) -> deidentifier.replace(text, from, to, identifiers);
  }
}
