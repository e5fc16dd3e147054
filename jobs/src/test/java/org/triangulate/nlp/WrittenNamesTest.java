package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WrittenNamesTest {

  @Test
  void findsWholeWordsAsWrittenAcrossAnyWhitespaceLongestNameFirst() {
    WrittenNames names = new WrittenNames(List.of("Ann", "Ann Lee", "Rose", "Mary-Jane Smith"));

    String text = "Ann\n  Lee met Rose; rose, Anna and Roses did not. Mary-Jane Smith, Ann.";

    assertThat(names.find(text).stream().map(f -> text.substring(f.start(), f.end())))
        .containsExactly("Ann\n  Lee", "Rose", "Mary-Jane Smith", "Ann");
  }

  @Test
  void aNameNextToALetterOrNumberInAnyScriptIsNotAWholeWord() {
    WrittenNames names = new WrittenNames(List.of("Lee"));

    assertThat(names.find("Leeé éLee Lee2 2Lee Lee² ²Lee")).isEmpty();
    assertThat(names.find("(Lee)")).containsExactly(new WrittenNames.Found(1, 4));
  }

  /**
   * The regular expression this replaced, kept here as the oracle: the same finds on every text.
   */
  @Test
  void findsWhatAnAlternationOfTheNamesFinds() {
    Random random = new Random(11);
    List<String> vocabulary =
        List.of(
            "Ann",
            "Lee",
            "ann",
            "Anna",
            "Rose",
            "rose",
            "Mary-Jane",
            "Smith",
            "O'Brien",
            "St.",
            "John",
            "the",
            "said",
            "2",
            "é",
            "Ó",
            "Súilleabháin",
            "-",
            ",",
            "(",
            ")");
    List<String> separators = List.of(" ", "  ", "\n", "\t", "", ", ", "-", "'");
    for (int round = 0; round < 2_000; round++) {
      Set<String> nameSet = new TreeSet<>();
      for (int n = random.nextInt(6); n >= 0; n--) {
        List<String> words = new ArrayList<>();
        for (int w = random.nextInt(3); w >= 0; w--) {
          words.add(vocabulary.get(random.nextInt(12)));
        }
        nameSet.add(String.join(" ", words));
      }
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(30); w >= 0; w--) {
        text.append(vocabulary.get(random.nextInt(vocabulary.size())))
            .append(separators.get(random.nextInt(separators.size())));
      }

      assertThat(new WrittenNames(nameSet).find(text.toString()))
          .as("names %s in '%s'", nameSet, text)
          .isEqualTo(byAlternation(nameSet, text.toString()));
    }
  }

  private static List<WrittenNames.Found> byAlternation(Set<String> names, String text) {
    String alternatives =
        names.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(n ->
                List.of(n.split(" ")).stream()
                    .map(Pattern::quote)
                    .collect(Collectors.joining("\\s+")))
            .collect(Collectors.joining("|"));
    Matcher m =
        Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])")
            .matcher(text);
    List<WrittenNames.Found> found = new ArrayList<>();
    while (m.find()) {
      found.add(new WrittenNames.Found(m.start(), m.end()));
    }
    return found;
  }
}
