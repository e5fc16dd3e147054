package org.triangulate.web;

import edu.stanford.nlp.process.Morphology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.nlp.WordStems;

/**
 * Adds marks to a highlighted text for words that matched through the {@code stems} field:
 * Elasticsearch's highlighter marks the words as typed ("supervising"), this marks the words that
 * share their stem ("supervision"), and irregular forms whose lemma has that stem ("paid" for
 * "pay", found by CoreNLP's morphology read as a past tense, participle or plural). Thread-safe
 * (one morphology per thread: it is not).
 */
final class StemMarker {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** Tags under which irregular forms differ from their lemma: went, gone, children. */
  private static final List<String> IRREGULAR_TAGS = List.of("VBD", "VBN", "NNS");

  private static final int REMEMBERED = 100_000;
  private static final Map<String, Set<String>> STEMS_OF_WORD = new ConcurrentHashMap<>();

  private static final ThreadLocal<Morphology> MORPHOLOGY =
      ThreadLocal.withInitial(Morphology::new);

  private StemMarker() {}

  static MarkedText mark(MarkedText text, Set<String> stems) {
    if (stems.isEmpty()) {
      return text;
    }
    List<MarkedText.Part> parts = new ArrayList<>();
    for (MarkedText.Part part : text.parts()) {
      if (part.marked()) {
        parts.add(part);
        continue;
      }
      Matcher words = WORD.matcher(part.text());
      int from = 0;
      while (words.find()) {
        if (matches(words.group(), stems)) {
          add(parts, part.text().substring(from, words.start()), false);
          add(parts, words.group(), true);
          from = words.end();
        }
      }
      add(parts, part.text().substring(from), false);
    }
    return new MarkedText(parts);
  }

  private static boolean matches(String word, Set<String> stems) {
    for (String stem : stemsOf(word)) {
      if (stems.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stems a word can match through: its own, and those of its lemmas as an irregular form.
   * Remembered per word (morphology is the cost of marking a page of hits, and a study's vocabulary
   * is small); forgotten all at once if it ever grows past {@link #REMEMBERED} words.
   */
  private static Set<String> stemsOf(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Set<String> known = STEMS_OF_WORD.get(lower);
    if (known != null) {
      return known;
    }
    Set<String> stems = new LinkedHashSet<>();
    stems.add(WordStems.of(word));
    for (String tag : IRREGULAR_TAGS) {
      String lemma = MORPHOLOGY.get().lemma(lower, tag);
      if (!lemma.equals(lower)) {
        stems.add(WordStems.of(lemma));
      }
    }
    if (STEMS_OF_WORD.size() >= REMEMBERED) {
      STEMS_OF_WORD.clear();
    }
    Set<String> result = Set.copyOf(stems);
    STEMS_OF_WORD.put(lower, result);
    return result;
  }

  private static void add(List<MarkedText.Part> parts, String text, boolean marked) {
    if (!text.isEmpty()) {
      parts.add(new MarkedText.Part(text, marked));
    }
  }
}
