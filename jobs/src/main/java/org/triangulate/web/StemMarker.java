package org.triangulate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.nlp.WordStems;

/**
 * Adds marks to a highlighted text for words that matched through the {@code stems} field:
 * Elasticsearch's highlighter marks the words as typed ("supervising"), this marks the words that
 * share their stem ("supervision"). Irregular forms that meet only through their lemma ("went" for
 * "go") stay unmarked. Stateless.
 */
final class StemMarker {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

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
        if (stems.contains(WordStems.of(words.group()))) {
          add(parts, part.text().substring(from, words.start()), false);
          add(parts, words.group(), true);
          from = words.end();
        }
      }
      add(parts, part.text().substring(from), false);
    }
    return new MarkedText(parts);
  }

  private static void add(List<MarkedText.Part> parts, String text, boolean marked) {
    if (!text.isEmpty()) {
      parts.add(new MarkedText.Part(text, marked));
    }
  }
}
