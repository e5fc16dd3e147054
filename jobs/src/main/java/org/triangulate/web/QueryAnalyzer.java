package org.triangulate.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.triangulate.nlp.WordStems;

/**
 * Rewrites a search in simple_query_string syntax onto the index's {@code stems} field, keeping its
 * operators: each word becomes the stem of its CoreNLP lemma ("supervising" → lemma "supervise" →
 * "supervis", which also matches "supervision"), OR-ed with the stem of the word as typed when the
 * two differ ("left" → {@code (leav | left)}, for the verb and the side); inside quotes a phrase of
 * lemma stems; a prefix ({@code super*}) or fuzzy ({@code word~1}) word stays as typed. The
 * lemmatiser sees the words in their order, so context informs the tags. Recent analyses are kept
 * (paging and ticking facets repeat a search's words), so CoreNLP runs once per new query. Where
 * the study declares other languages, each word is also OR-ed with its stem in each of them, as
 * their extracts' stems were made (the lemma is English, so those stems are of the word as typed).
 * Thread-safe.
 */
public final class QueryAnalyzer {

  private static final String BREAKS = "\"|()~*\\+";

  private static final int REMEMBERED = 1_000;

  private final QueryLemmatizer lemmatizer;
  private final List<String> otherLanguages;
  private final Map<String, AnalyzedQuery> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AnalyzedQuery> eldest) {
              return size() > REMEMBERED;
            }
          });

  public QueryAnalyzer(QueryLemmatizer lemmatizer) {
    this(lemmatizer, List.of());
  }

  /** With the other languages (ISO 639-1, besides English) the study's extracts are in. */
  public QueryAnalyzer(QueryLemmatizer lemmatizer, List<String> otherLanguages) {
    this.lemmatizer = lemmatizer;
    this.otherLanguages = List.copyOf(otherLanguages);
  }

  private record Word(int start, int end, boolean inPhrase, boolean negated) {}

  public AnalyzedQuery analyze(String raw) {
    if (raw == null || raw.isBlank()) {
      return AnalyzedQuery.EVERYTHING;
    }
    AnalyzedQuery known = recent.get(raw);
    if (known != null) {
      return known;
    }
    AnalyzedQuery analyzed = rewrite(raw);
    recent.put(raw, analyzed);
    return analyzed;
  }

  private AnalyzedQuery rewrite(String raw) {
    List<Object> parts = scan(raw);
    char[] plain = " ".repeat(raw.length()).toCharArray();
    for (Object part : parts) {
      if (part instanceof Word w) {
        raw.getChars(w.start(), w.end(), plain, w.start());
      }
    }
    List<QueryLemmatizer.Token> tokens = lemmatizer.lemmatise(new String(plain));
    StringBuilder stems = new StringBuilder();
    Set<String> mark = new LinkedHashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      if (!(parts.get(i) instanceof Word w)) {
        stems.append((String) parts.get(i));
        continue;
      }
      String word = raw.substring(w.start(), w.end()).toLowerCase(Locale.ROOT);
      boolean asTyped =
          i + 1 < parts.size() && ("*".equals(parts.get(i + 1)) || "~".equals(parts.get(i + 1)));
      List<String> lemmaStems =
          tokens.stream()
              .filter(t -> t.start() >= w.start() && t.end() <= w.end())
              .map(t -> clean(WordStems.of(t.lemma())))
              .filter(s -> !s.isBlank())
              .toList();
      String wordStem = clean(WordStems.of(word));
      String lemmaForm = lemmaStems.isEmpty() ? wordStem : String.join(" ", lemmaStems);
      if (asTyped) {
        stems.append(clean(word).replace(' ', '_'));
      } else if (w.inPhrase()) {
        stems.append(lemmaForm);
      } else {
        Set<String> alternatives = new LinkedHashSet<>();
        alternatives.add(lemmaForm.contains(" ") ? '"' + lemmaForm + '"' : lemmaForm);
        if (!wordStem.isBlank() && !wordStem.contains(" ")) {
          alternatives.add(wordStem);
        }
        for (String language : otherLanguages) {
          String stem = clean(WordStems.of(word, language));
          if (!stem.isBlank() && !stem.contains(" ")) {
            alternatives.add(stem);
            if (!w.negated()) {
              mark.add(stem);
            }
          }
        }
        stems.append(
            alternatives.size() == 1
                ? alternatives.iterator().next()
                : alternatives.stream().collect(Collectors.joining(" | ", "(", ")")));
      }
      if (!w.negated()) {
        mark.addAll(lemmaStems);
        mark.add(wordStem);
      }
    }
    mark.removeIf(String::isBlank);
    return new AnalyzedQuery(raw.strip(), stems.toString().strip(), mark);
  }

  /** Letters, digits and apostrophes only: anything else would be query syntax. */
  private static String clean(String form) {
    return form.replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
  }

  /**
   * Splits the query into words and operator text. A {@code -} opening a term negates the word,
   * phrase or group after it.
   */
  private static List<Object> scan(String raw) {
    List<Object> parts = new ArrayList<>();
    Deque<Boolean> groups = new ArrayDeque<>();
    boolean inPhrase = false;
    boolean phraseNegated = false;
    boolean negateNext = false;
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      boolean termStart = i == 0 || " \t(|+".indexOf(raw.charAt(i - 1)) >= 0;
      if (Character.isWhitespace(c)) {
        parts.add(" ");
        i++;
      } else if (c == '"') {
        inPhrase = !inPhrase;
        phraseNegated = inPhrase && negateNext;
        negateNext = false;
        parts.add("\"");
        i++;
      } else if (c == '-' && termStart && !inPhrase) {
        negateNext = true;
        parts.add("-");
        i++;
      } else if (c == '(') {
        groups.push(negateNext || groups.contains(true));
        negateNext = false;
        parts.add("(");
        i++;
      } else if (c == ')') {
        if (!groups.isEmpty()) {
          groups.pop();
        }
        parts.add(")");
        i++;
      } else if (c == '~') {
        int j = i + 1;
        while (j < raw.length() && Character.isDigit(raw.charAt(j))) {
          j++;
        }
        parts.add("~");
        parts.add(raw.substring(i + 1, j));
        i = j;
      } else if (c == '\\') {
        parts.add(" ");
        i++;
      } else if (BREAKS.indexOf(c) >= 0) {
        parts.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < raw.length()
            && !Character.isWhitespace(raw.charAt(j))
            && BREAKS.indexOf(raw.charAt(j)) < 0) {
          j++;
        }
        boolean negated = negateNext || groups.contains(true) || (inPhrase && phraseNegated);
        parts.add(new Word(i, j, inPhrase, negated));
        negateNext = false;
        i = j;
      }
    }
    return parts;
  }
}
