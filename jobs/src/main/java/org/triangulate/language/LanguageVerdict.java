package org.triangulate.language;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a transcript's text showed of its language: the outcome, the language it is annotated in
 * (null when it is refused), the share of each language seen (0..1, by letters of the passages
 * whose language could be told, largest first) and the letters those passages held. Immutable.
 */
public record LanguageVerdict(
    Outcome outcome, String language, Map<String, Double> shares, int letters) {

  /** How the transcript's language came out. */
  public enum Outcome {
    /** One declared language holds the text (other declared languages may share it). */
    DETECTED,
    /** Mostly in a language the study does not declare: quarantined. */
    UNDECLARED,
    /**
     * Too little text, or too much of it in undeclared languages: annotated in the default language
     * or quarantined, as the study says.
     */
    UNDETECTABLE
  }

  public LanguageVerdict {
    shares =
        shares.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    Map.Entry::getValue,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    shares = java.util.Collections.unmodifiableMap(shares);
  }

  /** The languages seen and their shares, as people read them: {@code fr 96 %, en 4 %}. */
  public String sharesText() {
    if (shares.isEmpty()) {
      return "no language told apart";
    }
    return shares.entrySet().stream()
        .map(e -> e.getKey() + " " + Math.round(e.getValue() * 100) + " %")
        .collect(Collectors.joining(", "));
  }

  /** The codes of the languages seen, largest share first. */
  public List<String> seen() {
    return List.copyOf(shares.keySet());
  }

  /** The same verdict annotated in {@code other} (an undetectable transcript's default). */
  public LanguageVerdict in(String other) {
    return new LanguageVerdict(outcome, other, shares, letters);
  }
}
