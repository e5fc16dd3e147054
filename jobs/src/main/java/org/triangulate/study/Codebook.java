package org.triangulate.study;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Analytical categories grouped into themes, as declared in {@code codebook.yml}. Each category
 * names the structured items it concerns and the lemma rules that auto-code transcript segments to
 * it. Immutable.
 */
public record Codebook(List<Theme> themes) {

  public Codebook {
    themes = themes == null ? List.of() : List.copyOf(themes);
  }

  public Stream<Category> categories() {
    return themes.stream().flatMap(t -> t.categories().stream());
  }

  /** Categories whose extracts speak to the given item. */
  public List<Category> categoriesForItem(String itemId) {
    return categories().filter(c -> c.items().contains(itemId)).toList();
  }

  public String themeOf(String categoryId) {
    return themes.stream()
        .filter(t -> t.categories().stream().anyMatch(c -> c.id().equals(categoryId)))
        .map(Theme::id)
        .findFirst()
        .orElseThrow();
  }

  public record Theme(String id, String label, List<Category> categories) {
    public Theme {
      categories = categories == null ? List.of() : List.copyOf(categories);
    }
  }

  /**
   * A category with its auto-coding rules. {@code anyOf} and {@code phrases} are the short form of
   * one rule named after the category: a segment is coded when one of those terms occurs. {@code
   * rules} are further rules, each with its own id (see {@link Rule}).
   */
  public record Category(
      String id,
      String label,
      String description,
      List<String> items,
      List<String> anyOf,
      List<String> phrases,
      List<Rule> rules) {
    public Category {
      items = items == null ? List.of() : List.copyOf(items);
      anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
      phrases = phrases == null ? List.of() : List.copyOf(phrases);
      rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A category coded only by the short form ({@code any-of}, {@code phrases}). */
    public Category(
        String id,
        String label,
        String description,
        List<String> items,
        List<String> anyOf,
        List<String> phrases) {
      this(id, label, description, items, anyOf, phrases, List.of());
    }

    /** Every rule that codes to this category: the short form (when given) first. */
    public List<Rule> codingRules() {
      List<Rule> all = new ArrayList<>();
      if (!anyOf.isEmpty() || !phrases.isEmpty()) {
        List<String> terms = new ArrayList<>(anyOf);
        terms.addAll(phrases);
        all.add(new Rule(id, terms, List.of(), null, List.of(), null, null));
      }
      all.addAll(rules);
      return List.copyOf(all);
    }
  }

  /**
   * An auto-coding rule over a segment's lemmas. Every term is a lemma or a phrase (lemmas
   * separated by spaces, matched as a sequence). The rule matches when one of {@code anyOf} occurs
   * (if given) and every one of {@code allOf} occurs (if given), all of them within {@code window}
   * tokens (first token of the first term to last token of the last, inclusive; the whole segment
   * when no window is given), unless one of {@code exclude} occurs within {@code excludeWindow}
   * tokens of a matched term (default: the rule's window; the whole segment when neither is given).
   * {@code speaker} restricts the rule to segments of one speaker role ({@code participant}, the
   * default, {@code interviewer} or {@code any}); {@code language} (an ISO 639-1 code the study
   * declares) restricts it to segments in that language (default: every language).
   */
  public record Rule(
      String id,
      List<String> anyOf,
      List<String> allOf,
      Integer window,
      List<String> exclude,
      Integer excludeWindow,
      String speaker,
      String language) {

    public static final String PARTICIPANT = "participant";
    public static final String ANY_SPEAKER = "any";
    public static final java.util.Set<String> SPEAKERS =
        java.util.Set.of(PARTICIPANT, "interviewer", ANY_SPEAKER);

    public Rule {
      anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
      allOf = allOf == null ? List.of() : List.copyOf(allOf);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      speaker = speaker == null ? PARTICIPANT : speaker;
    }

    /** A rule for segments in every language. */
    public Rule(
        String id,
        List<String> anyOf,
        List<String> allOf,
        Integer window,
        List<String> exclude,
        Integer excludeWindow,
        String speaker) {
      this(id, anyOf, allOf, window, exclude, excludeWindow, speaker, null);
    }

    /** Whether the rule codes segments annotated in {@code segmentLanguage}. */
    public boolean appliesToLanguage(String segmentLanguage) {
      return language == null || language.equals(segmentLanguage);
    }
  }
}
