package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.triangulate.study.Study;

/**
 * Names of places and organisations found by their form, without any list: a run of capitalised
 * words ending in one of the study's name heads ({@link Study.NameHeads}), such as "Fernhill Ward",
 * "the Tanfield Carers Network" or "Hartley Road"; a lower-case "the" before it is part of the
 * name. The kind is the head's: a place head makes a place, an organisation head an organisation.
 * "of", "for", "upon" and "de" may join the capitalised words ("Centre for Recovery Trust"). A
 * sentence's first word is not part of the name when it is only capitalised because it starts the
 * sentence: when the text also writes it in lower case ("Yeah Willow Ward", "yeah" elsewhere), or
 * it has two letters or fewer ("At Hub"). A name whose other words are all heads, kept words or
 * abbreviations in capitals ("NHS Trust") is not one. Immutable and thread-safe.
 */
final class HeadedNames {

  private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.&-]*";
  // Only words that join within one name: "and" or "on" would join two ("Harbourside and the
  // Anchor Centre", "Imran on Ash Ward").
  private static final String JOIN = "(?:(?:of|for|upon|de)[ \\t]+)?";
  private static final Pattern LOWER_WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Ll}[\\p{L}\\p{M}'’-]*");
  // What may come just before a sentence's first word: a line break, its end, a label's colon, a
  // quote or a dash.
  private static final String SENTENCE_ENDS = "\n.!?:;\"“‘(—–-…]";
  private static final Pattern PRONOUN_I =
      Pattern.compile("(?<![\\p{L}'’])I(?:['’]\\p{L}+)?(?!\\p{L})");
  private static final String RUN_WORD = "\\p{Lu}[\\p{L}\\p{M}'’&-]*";
  private static final Pattern RUN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}'’-])"
              + RUN_WORD
              + "(?:[ \\t]+(?:(?:of|for)[ \\t]+)?"
              + RUN_WORD
              + ")+(?![\\p{L}\\p{N}'’-])");

  /** A name found: its span (a leading "the" included), kind, and the span of its first word. */
  record Found(int start, int end, IdentifierKind kind, int firstWordStart, int firstWordEnd) {}

  private final Pattern pattern;
  private final Set<String> placeHeads;
  private final Set<String> heads;
  private final Set<String> keep;

  HeadedNames(Study.NameHeads nameHeads, Set<String> keepKeys) {
    this.placeHeads = Set.copyOf(nameHeads.places());
    this.heads = new HashSet<>(nameHeads.places());
    heads.addAll(nameHeads.organisations());
    this.keep = Set.copyOf(keepKeys);
    this.pattern =
        heads.isEmpty()
            ? null
            : Pattern.compile(
                "(?<![\\p{L}\\p{N}'’-])(?:(?<the>the)[ \\t]+)?(?<words>"
                    + WORD
                    + "(?:[ \\t]+"
                    + JOIN
                    + WORD
                    + ")*)[ \\t]+(?<head>"
                    + heads.stream()
                        .sorted((a, b) -> b.length() - a.length())
                        .map(Pattern::quote)
                        .collect(Collectors.joining("|"))
                    + ")(?![\\p{L}\\p{N}'’-])");
  }

  List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    if (pattern == null) {
      return found;
    }
    Set<String> lowerWords = null;
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int wordsStart = m.start("words");
      List<int[]> words = words(text, wordsStart, m.end("words"));
      int[] first = words.getFirst();
      if (atSentenceStart(text, first[0])) {
        if (lowerWords == null) {
          lowerWords = lowerWords(text);
        }
        String word = text.substring(first[0], first[1]);
        if (word.codePointCount(0, word.length()) <= 2
            || lowerWords.contains(word.toLowerCase(Locale.ROOT))) {
          words = words.subList(1, words.size());
        }
      }
      boolean named =
          words.stream()
              .map(w -> text.substring(w[0], w[1]))
              .anyMatch(w ->
                  !heads.contains(w)
                      && !keep.contains(NameKey.of(w))
                      && !w.equals(w.toUpperCase(Locale.ROOT)));
      if (!named) {
        continue;
      }
      int start = m.start("the") >= 0 && words.getFirst()[0] == wordsStart ? m.start() : -1;
      start = start >= 0 ? start : words.getFirst()[0];
      IdentifierKind kind =
          placeHeads.contains(m.group("head")) ? IdentifierKind.PLACE : IdentifierKind.ORGANISATION;
      found.add(new Found(start, m.end(), kind, words.getFirst()[0], words.getFirst()[1]));
    }
    return found;
  }

  /**
   * The names' own first words that look like names of their own ("Northvale" of "Northvale NHS
   * Foundation Trust", "Willow" of "Willow Ward"), with the kind of their name: three letters or
   * more, not an abbreviation, a head or a kept word, and never written in lower case in {@code
   * text}.
   */
  List<Found> distinctiveFirstWords(String text, List<Found> names) {
    List<Found> distinctive = new ArrayList<>();
    Set<String> lowerWords = names.isEmpty() ? Set.of() : lowerWords(text);
    for (Found found : names) {
      String word = text.substring(found.firstWordStart(), found.firstWordEnd());
      if (word.length() >= 3
          && !word.equals(word.toUpperCase(Locale.ROOT))
          && word.chars().noneMatch(c -> c == '.' || c == '&')
          && !heads.contains(word)
          && !keep.contains(NameKey.of(word))
          && !lowerWords.contains(word.toLowerCase(Locale.ROOT))) {
        distinctive.add(
            new Found(
                found.firstWordStart(),
                found.firstWordEnd(),
                found.kind(),
                found.firstWordStart(),
                found.firstWordEnd()));
      }
    }
    return distinctive;
  }

  /**
   * Names without a head ("Compass Peer Support"): a run of two or more capitalised words inside a
   * sentence whose first word the text never writes in lower case, has three letters or more and is
   * no abbreviation, head or kept word, with no pronoun "I" in the run. "Peer Support Worker" or
   * "Mental Health Act" are not one wherever "peer" or "mental" is also written in lower case.
   * Taken for an organisation; a name NER knows keeps NER's kind when they overlap.
   */
  List<Found> unheaded(String text) {
    List<Found> found = new ArrayList<>();
    Set<String> lowerWords = null;
    Matcher m = RUN.matcher(text);
    while (m.find()) {
      // "Before I", "Next I'd": the pronoun is capitalised, not a name.
      if (atSentenceStart(text, m.start()) || PRONOUN_I.matcher(m.group()).find()) {
        continue;
      }
      int firstEnd = m.start();
      while (firstEnd < m.end() && !Character.isWhitespace(text.charAt(firstEnd))) {
        firstEnd++;
      }
      String first = text.substring(m.start(), firstEnd);
      if (lowerWords == null) {
        lowerWords = lowerWords(text);
      }
      if (first.codePointCount(0, first.length()) >= 3
          && !first.equals(first.toUpperCase(Locale.ROOT))
          && !heads.contains(first)
          && !keep.contains(NameKey.of(first))
          && !lowerWords.contains(first.toLowerCase(Locale.ROOT))) {
        found.add(new Found(m.start(), m.end(), IdentifierKind.ORGANISATION, m.start(), firstEnd));
      }
    }
    return found;
  }

  /** The capitalised words of {@code text[from, to)}, joining words left out. */
  private static List<int[]> words(String text, int from, int to) {
    List<int[]> words = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start && Character.isUpperCase(text.codePointAt(start))) {
        words.add(new int[] {start, i});
      }
    }
    return words;
  }

  /** Whether only spaces lie between {@code at} and the text's or a sentence's or line's start. */
  private static boolean atSentenceStart(String text, int at) {
    int i = at;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i == 0 || SENTENCE_ENDS.indexOf(text.charAt(i - 1)) >= 0;
  }

  private static Set<String> lowerWords(String text) {
    Set<String> words = new HashSet<>();
    Matcher m = LOWER_WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
