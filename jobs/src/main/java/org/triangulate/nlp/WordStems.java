package org.triangulate.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The Snowball English (Porter 2) stem of a word or of each word of a lemma string. CoreNLP lemmas
 * undo inflection ("supervising" → "supervise") but not derivation ("supervision" stays); stemming
 * the lemma conflates both ("supervis"), so the index's {@code stems} field and the search's query
 * meet on it. Stateless and thread-safe (a stemmer is made per call: they hold state and are
 * cheap).
 */
public final class WordStems {

  // Compiled once: String.split compiles its pattern at every call, and indexing calls this per
  // segment.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private WordStems() {}

  /** The stem of one word, lower-cased; the word itself (lower-cased) when it has no letters. */
  public static String of(String word) {
    return of(word, "en");
  }

  /**
   * The stem of one word in {@code language} (ISO 639-1; Snowball's French stemmer for {@code fr},
   * the English one otherwise), lower-cased.
   */
  public static String of(String word, String language) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.chars().noneMatch(Character::isLetter)) {
      return lower;
    }
    SnowballStemmer stemmer = "fr".equals(language) ? new FrenchStemmer() : new EnglishStemmer();
    stemmer.setCurrent(lower);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /** Each space-separated word of {@code lemmas} stemmed, in order, space-separated. */
  public static String ofLemmas(String lemmas) {
    return ofLemmas(lemmas, "en");
  }

  /** {@link #ofLemmas(String)} with the stemmer of {@code language}. */
  public static String ofLemmas(String lemmas, String language) {
    if (lemmas == null || lemmas.isBlank()) {
      return "";
    }
    return Arrays.stream(WHITESPACE.split(lemmas.strip()))
        .map(w -> of(w, language))
        .collect(Collectors.joining(" "));
  }
}
