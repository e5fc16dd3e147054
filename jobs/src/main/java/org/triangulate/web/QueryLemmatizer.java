package org.triangulate.web;

import java.util.List;

/**
 * Lemmatises the words of a search the way the transcripts were lemmatised, so a query and the
 * index meet on the same forms. Implementations are thread-safe.
 */
@FunctionalInterface
public interface QueryLemmatizer {

  /** A token of the text, its character span and its lemma. */
  record Token(int start, int end, String lemma) {}

  List<Token> lemmatise(String text);
}
