package org.triangulate.web;

import java.util.Set;

/**
 * A search's words as typed ({@code raw}, matched against {@code text} and {@code lemmas} for
 * ranking) and rewritten onto the {@code stems} field ({@code stems}, which decides what matches),
 * plus the stems of the words asked for (not those excluded with {@code -}), to mark in results.
 * Immutable.
 */
public record AnalyzedQuery(String raw, String stems, Set<String> markStems) {

  public AnalyzedQuery {
    markStems = Set.copyOf(markStems);
  }

  static final AnalyzedQuery EVERYTHING = new AnalyzedQuery("", "", Set.of());

  public boolean isEmpty() {
    return raw.isBlank();
  }
}
