package org.triangulate.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.triangulate.study.Study;

/**
 * Tells the language of a transcript and of its turns among the study's declared languages and the
 * {@link #WATCHED} ones (so that a transcript in an undeclared language is recognised as such, not
 * taken for the nearest declared one). A transcript is read as passages (its lines, without speaker
 * labels and timestamps); up to {@link #SAMPLE_PASSAGES} of them, spread over the text, are told
 * one by one, and each language's share is the letters of the passages told in it. Thread-safe.
 */
public final class TranscriptLanguages {

  /**
   * Languages told apart beyond the declared ones: the languages of many interviews in Europe and
   * of the communities services there work with.
   */
  public static final List<String> WATCHED =
      List.of(
          "en", "fr", "de", "es", "it", "pt", "nl", "pl", "ro", "tr", "ar", "ur", "bn", "pa", "hi",
          "zh");

  /** Passages told per transcript: enough for shares to within a few per cent. */
  static final int SAMPLE_PASSAGES = 80;

  /** Letters of passages told apart below which a transcript's language is undetectable. */
  static final int MIN_LETTERS = 150;

  /** Share of undeclared languages above which a transcript is too mixed to annotate as one. */
  static final double MAX_UNDECLARED_SHARE = 0.2;

  // A speaker label ("Interviewer:", "P12:", "Dr Ade Okafor:") or a timestamp opening a line.
  private static final Pattern LINE_PREFIX =
      Pattern.compile(
          "^\\s*(?:\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\]?\\s*)?(?:[^:\\n]{1,40}:\\s+)?(?:\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\]?\\s*)?");

  private final Study.Languages languages;
  private final PassageLanguages all;
  private final PassageLanguages declared;

  public TranscriptLanguages(Study.Languages languages) {
    this.languages = languages;
    Set<String> candidates = new LinkedHashSet<>(languages.declared());
    candidates.addAll(WATCHED);
    this.all = new PassageLanguages(candidates);
    this.declared = new PassageLanguages(languages.declared());
  }

  public Study.Languages languages() {
    return languages;
  }

  /** The transcript's verdict: its language, or why it has none it can be annotated in. */
  public LanguageVerdict of(String text) {
    List<String> passages = passages(text);
    Map<String, Integer> letters = new HashMap<>();
    int told = 0;
    for (String passage : sample(passages)) {
      Optional<String> language = all.of(passage);
      if (language.isPresent()) {
        int n = PassageLanguages.letters(passage);
        letters.merge(language.get(), n, Integer::sum);
        told += n;
      }
    }
    Map<String, Double> shares = new HashMap<>();
    for (var e : letters.entrySet()) {
      shares.put(e.getKey(), told == 0 ? 0 : e.getValue() / (double) told);
    }
    if (told < MIN_LETTERS) {
      return undetectable(shares, told);
    }
    String top =
        shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    if (!languages.declares(top)) {
      return new LanguageVerdict(LanguageVerdict.Outcome.UNDECLARED, null, shares, told);
    }
    double undeclared =
        shares.entrySet().stream()
            .filter(e -> !languages.declares(e.getKey()))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    if (undeclared > MAX_UNDECLARED_SHARE) {
      return undetectable(shares, told);
    }
    return new LanguageVerdict(LanguageVerdict.Outcome.DETECTED, top, shares, told);
  }

  private LanguageVerdict undetectable(Map<String, Double> shares, int told) {
    return new LanguageVerdict(
        LanguageVerdict.Outcome.UNDETECTABLE,
        languages.quarantinesUndetectable() ? null : languages.defaultLanguage(),
        shares,
        told);
  }

  /**
   * The language a turn is annotated in: another declared language when the turn is clearly in it,
   * else the transcript's. With one language declared every turn is in it.
   */
  public String ofTurn(String turn, String transcriptLanguage) {
    if (languages.declared().size() < 2) {
      return transcriptLanguage;
    }
    return declared.of(turn).orElse(transcriptLanguage);
  }

  /** The transcript's non-empty lines without the speaker labels and timestamps that open them. */
  static List<String> passages(String text) {
    List<String> passages = new ArrayList<>();
    for (String line : text.split("\n")) {
      String passage = LINE_PREFIX.matcher(line).replaceFirst("").strip();
      if (PassageLanguages.letters(passage) >= PassageLanguages.MIN_LETTERS) {
        passages.add(passage);
      }
    }
    return passages;
  }

  /** At most {@link #SAMPLE_PASSAGES} passages, evenly spread over the transcript. */
  private static List<String> sample(List<String> passages) {
    if (passages.size() <= SAMPLE_PASSAGES) {
      return passages;
    }
    List<String> sample = new ArrayList<>(SAMPLE_PASSAGES);
    for (int i = 0; i < SAMPLE_PASSAGES; i++) {
      sample.add(passages.get((int) ((long) i * passages.size() / SAMPLE_PASSAGES)));
    }
    return sample;
  }
}
