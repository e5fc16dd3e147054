package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The query rewriting onto stems, with a lemmatiser that knows a handful of words. */
class QueryAnalyzerTest {

  private static final Map<String, String> LEMMAS =
      Map.of("supervising", "supervise", "left", "leave", "workers", "worker", "don't", "do");

  /** Splits on whitespace and looks lemmas up; enough to check the rewriting, not CoreNLP. */
  private final QueryAnalyzer analyzer =
      new QueryAnalyzer(text -> {
        List<QueryLemmatizer.Token> tokens = new ArrayList<>();
        Matcher words = Pattern.compile("\\S+").matcher(text);
        while (words.find()) {
          String w = words.group().toLowerCase(java.util.Locale.ROOT);
          tokens.add(
              new QueryLemmatizer.Token(words.start(), words.end(), LEMMAS.getOrDefault(w, w)));
        }
        return tokens;
      });

  @Test
  void givenAStudyAlsoInFrench_whenAnalysing_thenAlsoSearchesTheWordsFrenchStem() {
    QueryAnalyzer bilingual =
        new QueryAnalyzer(
            text -> List.of(new QueryLemmatizer.Token(0, text.strip().length(), text.strip())),
            List.of("fr"));

    AnalyzedQuery query = bilingual.analyze("soignants");

    // the English stem of the word and Snowball French's, which the French extracts' stems hold
    assertThat(query.stems()).isEqualTo("(soignant | soign)");
    assertThat(query.markStems()).contains("soign");
  }

  @Test
  void givenAnInflectedWord_whenAnalysing_thenSearchesTheStemOfItsLemma() {
    AnalyzedQuery query = analyzer.analyze("supervising");

    assertThat(query.stems()).isEqualTo("supervis");
    assertThat(query.markStems()).containsExactly("supervis");
    assertThat(query.raw()).isEqualTo("supervising");
  }

  @Test
  void givenAWordWhoseLemmaAndFormStemDifferently_whenAnalysing_thenEitherStemMatches() {
    assertThat(analyzer.analyze("left").stems()).isEqualTo("(leav | left)");
  }

  @Test
  void givenOperators_whenAnalysing_thenKeepsThemAndDoesNotMarkExcludedWords() {
    AnalyzedQuery query = analyzer.analyze("\"peer workers\" -training | pay*");

    assertThat(query.stems()).isEqualTo("\"peer worker\" -train | pay*");
    assertThat(query.markStems()).contains("peer", "worker").doesNotContain("train");
  }

  @Test
  void
      givenAnExcludedGroupAndFuzzyWord_whenAnalysing_thenTheGroupIsNotMarkedAndFuzzyStaysAsTyped() {
    AnalyzedQuery query = analyzer.analyze("supervison~1 -(pay band)");

    assertThat(query.stems()).isEqualTo("supervison~1 -(pay band)");
    assertThat(query.markStems()).doesNotContain("pay", "band");
  }

  @Test
  void givenTheSameWordsAgain_whenAnalysing_thenLemmatisesThemOnce() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    QueryAnalyzer counting =
        new QueryAnalyzer(text -> {
          calls.incrementAndGet();
          return List.of();
        });

    AnalyzedQuery first = counting.analyze("pay gap");
    AnalyzedQuery again = counting.analyze("pay gap");
    counting.analyze("pay");

    assertThat(again).isEqualTo(first);
    assertThat(calls).hasValue(2);
  }

  @Test
  void givenNoWords_whenAnalysing_thenMatchesEverything() {
    assertThat(analyzer.analyze("  ").isEmpty()).isTrue();
  }
}
