package org.triangulate.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language of a passage of text among a fixed set of candidates (ISO 639-1 codes), with
 * Lingua's n-gram models in its low-accuracy mode (trigrams only: a few MB per language instead of
 * tens, and reliable on passages of a sentence or more). A passage too short, or whose best two
 * candidates score close, has no language. Thread-safe; the models load on first use and are shared
 * by every instance.
 */
public final class PassageLanguages {

  /** Letters a passage needs before its language is told on its own. */
  public static final int MIN_LETTERS = 20;

  /**
   * The runner-up's confidence relative to the best one's above which the passage is too close to
   * call.
   */
  static final double MAX_RUNNER_UP = 0.9;

  private static final Map<java.util.Set<String>, LanguageDetector> DETECTORS =
      new ConcurrentHashMap<>();

  private final LanguageDetector detector;

  public PassageLanguages(Collection<String> candidates) {
    java.util.Set<String> codes = java.util.Set.copyOf(candidates);
    this.detector = DETECTORS.computeIfAbsent(codes, PassageLanguages::build);
  }

  private static LanguageDetector build(java.util.Set<String> codes) {
    IsoCode639_1[] isoCodes =
        codes.stream().sorted().map(PassageLanguages::isoCode).toArray(IsoCode639_1[]::new);
    if (isoCodes.length == 1) {
      // Lingua needs two languages to choose between; English is the usual other one.
      isoCodes =
          new IsoCode639_1[] {
            isoCodes[0], isoCodes[0] == IsoCode639_1.EN ? IsoCode639_1.FR : IsoCode639_1.EN
          };
    }
    return LanguageDetectorBuilder.fromIsoCodes639_1(isoCodes).withLowAccuracyMode().build();
  }

  /** Whether Lingua can tell {@code code} (an ISO 639-1 code, any case). */
  public static boolean known(String code) {
    try {
      isoCode(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static IsoCode639_1 isoCode(String code) {
    if (code == null || !code.matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException("not an ISO 639-1 code: " + code);
    }
    IsoCode639_1 iso = IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
    if (Language.getByIsoCode639_1(iso) == Language.UNKNOWN) {
      throw new IllegalArgumentException("no language models for " + code);
    }
    return iso;
  }

  /** The passage's language, if it has enough letters and one candidate clearly scores best. */
  public Optional<String> of(String passage) {
    if (letters(passage) < MIN_LETTERS) {
      return Optional.empty();
    }
    SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(passage);
    if (confidences.isEmpty()) {
      return Optional.empty();
    }
    var ranked = confidences.entrySet().iterator();
    var best = ranked.next();
    double runnerUp = ranked.hasNext() ? ranked.next().getValue() : 0;
    if (best.getValue() <= 0 || runnerUp / best.getValue() > MAX_RUNNER_UP) {
      return Optional.empty();
    }
    return Optional.of(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT));
  }

  /** The letters of {@code text}, the measure of how much of a language there is. */
  public static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** The language's English name ("French"), or the code when Java has none. */
  public static String name(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }
}
