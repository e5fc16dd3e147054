package org.triangulate.nlp;

import java.util.List;

/** A sentence found by CoreNLP: character offsets into the annotated text and its tokens. */
public record AnnotatedSentence(int start, int end, List<Token> tokens) {

  public AnnotatedSentence {
    tokens = List.copyOf(tokens);
  }

  /**
   * A token with its offsets, surface word, lemma, part-of-speech tag and named-entity class
   * ({@code PERSON}, {@code CITY}, {@code ORGANIZATION}, ...; {@code O} or null when none or when
   * the pipeline has no {@code ner}).
   */
  public record Token(int start, int end, String word, String lemma, String tag, String ner) {}
}
