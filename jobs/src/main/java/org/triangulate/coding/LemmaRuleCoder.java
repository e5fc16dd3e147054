package org.triangulate.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.triangulate.study.Codebook;

/**
 * Applies the codebook's rules to a segment's lemmas: a category is coded when any of its {@code
 * any-of} lemmas occurs, or one of its phrases occurs as a lemma sequence. Rules are the codebook's
 * words, never the code's. Immutable and thread-safe.
 */
public final class LemmaRuleCoder {

  private final Codebook codebook;

  public LemmaRuleCoder(Codebook codebook) {
    this.codebook = codebook;
  }

  public List<Coding> code(String segmentId, String lemmas) {
    String padded = " " + lemmas + " ";
    Set<String> words = new HashSet<>(Arrays.asList(lemmas.split(" ")));
    List<Coding> codings = new ArrayList<>();
    codebook
        .categories()
        .forEach(category -> {
          List<String> matched = new ArrayList<>();
          for (String term : category.anyOf()) {
            if (words.contains(term.toLowerCase(Locale.ROOT))) {
              matched.add(term);
            }
          }
          for (String phrase : category.phrases()) {
            if (padded.contains(" " + phrase.toLowerCase(Locale.ROOT) + " ")) {
              matched.add(phrase);
            }
          }
          if (!matched.isEmpty()) {
            codings.add(new Coding(segmentId, category.id(), "rule:" + category.id(), matched));
          }
        });
    return codings;
  }
}
