package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.triangulate.ingest.SourceDocument;

/**
 * Cuts a transcript into segments: each speaker turn, annotated by CoreNLP, then chunked into at
 * most {@code maxSentences} sentences. Segment ids are stable (study, participant, source checksum,
 * offsets), so a rerun over the same input indexes the same documents. Thread-safe.
 */
public final class TranscriptSegmenter {

  private final SpeakerTurnSegmenter turns;
  private final CoreNlpAnnotator annotator;
  private final int maxSentences;

  public TranscriptSegmenter(
      SpeakerTurnSegmenter turns, CoreNlpAnnotator annotator, int maxSentences) {
    this.turns = turns;
    this.annotator = annotator;
    this.maxSentences = maxSentences;
  }

  public List<Segment> segment(String study, SourceDocument source) {
    String text = source.text();
    List<Segment> segments = new ArrayList<>();
    for (SpeakerTurn turn : turns.segment(text)) {
      List<AnnotatedSentence> sentences =
          annotator.annotate(text.substring(turn.start(), turn.end()));
      for (int from = 0; from < sentences.size(); from += maxSentences) {
        List<AnnotatedSentence> chunk =
            sentences.subList(from, Math.min(from + maxSentences, sentences.size()));
        int start = turn.start() + chunk.getFirst().start();
        int end = turn.start() + chunk.getLast().end();
        segments.add(
            new Segment(
                segmentId(study, source, start, end),
                source.sourceId(),
                source.participantId(),
                turn.index(),
                turn.role(),
                turn.label(),
                start,
                end,
                chunk.size(),
                text.substring(start, end),
                lemmas(chunk)));
      }
    }
    return segments;
  }

  private static String lemmas(List<AnnotatedSentence> sentences) {
    return sentences.stream()
        .flatMap(s -> s.tokens().stream())
        .map(t -> t.lemma() == null ? t.word() : t.lemma())
        .filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
        .map(l -> l.toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }

  static String segmentId(String study, SourceDocument source, int start, int end) {
    String key =
        String.join(
            "|",
            study,
            source.participantId(),
            source.sha256(),
            Integer.toString(start),
            Integer.toString(end));
    return DigestUtils.sha256Hex(key).substring(0, 32);
  }
}
