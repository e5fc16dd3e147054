package org.triangulate.study;

import java.util.List;
import java.util.stream.Stream;

/**
 * Analytical categories grouped into themes, as declared in {@code codebook.yml}. Each category
 * names the structured items it concerns and the lemma rules that auto-code transcript segments to
 * it.
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
   * A category with its auto-coding rules: a segment is coded when one of its lemmas is in {@code
   * anyOf}, or its lemma sequence contains one of {@code phrases} (lemmatised, space separated).
   */
  public record Category(
      String id,
      String label,
      String description,
      List<String> items,
      List<String> anyOf,
      List<String> phrases) {
    public Category {
      items = items == null ? List.of() : List.copyOf(items);
      anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
      phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
  }
}
