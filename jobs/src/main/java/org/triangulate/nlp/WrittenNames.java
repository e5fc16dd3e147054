package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds whole-word occurrences of names exactly as written (case matters: "Rose" is not "rose"),
 * their words separated by any run of whitespace; where several names match at one place, the
 * longest name wins, and finds do not overlap. A study knows thousands of names: one regular
 * expression alternating them all tries every name at every word, so de-identifying grew with names
 * × text; this looks up only the names whose first word is written at a word start, in time linear
 * in the text. Immutable and thread-safe.
 */
final class WrittenNames {

  /** Where a name was found: {@code text.substring(start, end)}. */
  record Found(int start, int end) {}

  private static final String WHITESPACE = " \t\n\u000B\f\r";

  private record Name(String[] words, int length) {}

  // Names by their first word, longest name first; the lengths of those first words.
  private final Map<String, List<Name>> byFirstWord = new HashMap<>();
  private final int[] firstWordLengths;

  WrittenNames(Collection<String> names) {
    List<String> longestFirst = new ArrayList<>(new TreeSet<>(names));
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    TreeSet<Integer> lengths = new TreeSet<>();
    for (String name : longestFirst) {
      String[] words = name.strip().split("[" + WHITESPACE + "]+");
      if (words[0].isEmpty()) {
        continue;
      }
      byFirstWord
          .computeIfAbsent(words[0], w -> new ArrayList<>())
          .add(new Name(words, String.join(" ", words).length()));
      lengths.add(words[0].length());
    }
    firstWordLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
  }

  List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = at == 0 || !isWordChar(text.codePointBefore(at)) ? longestAt(text, at) : -1;
      if (end > at) {
        found.add(new Found(at, end));
        at = end;
      } else {
        at++;
      }
    }
    return found;
  }

  /** The end of the longest name written at {@code start}, or -1. */
  private int longestAt(String text, int start) {
    int bestEnd = -1;
    int bestLength = -1;
    for (int length : firstWordLengths) {
      if (start + length > text.length()) {
        break;
      }
      List<Name> names = byFirstWord.get(text.substring(start, start + length));
      if (names == null) {
        continue;
      }
      for (Name name : names) {
        if (name.length() <= bestLength) {
          break;
        }
        int end = matchEnd(text, start + length, name.words());
        if (end >= 0) {
          bestEnd = end;
          bestLength = name.length();
          break;
        }
      }
    }
    return bestEnd;
  }

  /** Where the name ends if its words after the first follow {@code from}, or -1. */
  private static int matchEnd(String text, int from, String[] words) {
    int at = from;
    for (int i = 1; i < words.length; i++) {
      int spaces = at;
      while (spaces < text.length() && WHITESPACE.indexOf(text.charAt(spaces)) >= 0) {
        spaces++;
      }
      if (spaces == at || !text.startsWith(words[i], spaces)) {
        return -1;
      }
      at = spaces + words[i].length();
    }
    return at == text.length() || !isWordChar(text.codePointAt(at)) ? at : -1;
  }

  /** A letter or number, as {@code \p{L}} and {@code \p{N}} have it. */
  private static boolean isWordChar(int codePoint) {
    if (Character.isLetter(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
