package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.language.TranscriptLanguages;

/**
 * Cuts a transcript into segments: each speaker turn, annotated by CoreNLP in its language, then
 * chunked into at most {@code maxSentences} sentences. Segment ids are stable (study, participant,
 * source checksum, offsets), so a rerun over the same input indexes the same documents.
 * Thread-safe.
 */
public final class TranscriptSegmenter {

  private final SpeakerTurnSegmenter turns;
  private final LanguagePipelines pipelines;
  private final TranscriptLanguages languages;
  private final int maxSentences;

  /** Every transcript in English. */
  public TranscriptSegmenter(
      SpeakerTurnSegmenter turns, CoreNlpAnnotator annotator, int maxSentences) {
    this(turns, LanguagePipelines.english(annotator), null, maxSentences);
  }

  /**
   * Each transcript in its language and, where the study declares several, each turn clearly in
   * another declared language in that one ({@code languages} tells; null: every turn in its
   * transcript's language).
   */
  public TranscriptSegmenter(
      SpeakerTurnSegmenter turns,
      LanguagePipelines pipelines,
      TranscriptLanguages languages,
      int maxSentences) {
    this.turns = turns;
    this.pipelines = pipelines;
    this.languages = languages;
    this.maxSentences = maxSentences;
  }

  /**
   * A fingerprint of every setting that shapes the segments and entities of a source (annotators
   * and NER sentences per language, the study's languages, speaker labels, segment size): a source
   * annotated with other settings is annotated again.
   */
  public String settingsFingerprint() {
    return Fingerprint.of(
        pipelines.settings(),
        languages == null ? "" : languages.languages().toString(),
        turns.settings(),
        "max-sentences-per-segment=" + maxSentences);
  }

  public List<Segment> segment(String study, SourceDocument source) {
    return annotate(study, source).segments();
  }

  /** {@link #annotate(String, SourceDocument, String)} in the default language. */
  public AnnotatedSource annotate(String study, SourceDocument source) {
    return annotate(study, source, pipelines.defaultLanguage());
  }

  /**
   * The source's segments and the named entities CoreNLP found in it (if it runs {@code ner}),
   * annotated in {@code language} (the default one if the study does not declare it).
   */
  public AnnotatedSource annotate(String study, SourceDocument source, String language) {
    String transcriptLanguage =
        pipelines.languages().contains(language) ? language : pipelines.defaultLanguage();
    String text = source.text();
    List<Segment> segments = new ArrayList<>();
    List<EntityMention> entities = new ArrayList<>();
    for (SpeakerTurn turn : turns.segment(text)) {
      String turnText = text.substring(turn.start(), turn.end());
      String turnLanguage =
          languages == null ? transcriptLanguage : languages.ofTurn(turnText, transcriptLanguage);
      List<AnnotatedSentence> sentences = pipelines.of(turnLanguage).annotate(turnText);
      entities.addAll(EntityMention.of(sentences, turn.start()));
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
                lemmas(chunk),
                lemmaStarts(chunk, turn.start()),
                turnLanguage));
      }
    }
    return new AnnotatedSource(source.sourceId(), source.sha256(), segments, entities);
  }

  private static String lemmas(List<AnnotatedSentence> sentences) {
    return lemmaTokens(sentences)
        .map(TranscriptSegmenter::lemma)
        .map(l -> l.toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }

  private static String lemmaStarts(List<AnnotatedSentence> sentences, int offset) {
    return lemmaTokens(sentences)
        .map(t -> Integer.toString(offset + t.start()))
        .collect(Collectors.joining(" "));
  }

  private static java.util.stream.Stream<AnnotatedSentence.Token> lemmaTokens(
      List<AnnotatedSentence> sentences) {
    return sentences.stream()
        .flatMap(s -> s.tokens().stream())
        .filter(t -> lemma(t).chars().anyMatch(Character::isLetterOrDigit));
  }

  private static String lemma(AnnotatedSentence.Token token) {
    return token.lemma() == null ? token.word() : token.lemma();
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
