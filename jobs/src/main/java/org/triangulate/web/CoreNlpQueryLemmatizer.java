package org.triangulate.web;

import java.util.List;
import org.triangulate.nlp.CoreNlpAnnotator;

/**
 * Lemmatises queries with CoreNLP's tokenizer, tagger and lemmatiser, configured as for the
 * transcripts (only the annotators lemmas need). The models load on first use, a few seconds;
 * CoreNLP shares loaded annotators between pipelines, so a JVM that also annotates loads them once.
 * Thread-safe.
 */
public class CoreNlpQueryLemmatizer implements QueryLemmatizer {

  static final String ANNOTATORS = "tokenize,ssplit,pos,lemma";

  private final CoreNlpAnnotator annotator = new CoreNlpAnnotator(ANNOTATORS);

  @Override
  public List<Token> lemmatise(String text) {
    return annotator.annotate(text).stream()
        .flatMap(s -> s.tokens().stream())
        .map(t -> new Token(t.start(), t.end(), t.lemma() == null ? t.word() : t.lemma()))
        .toList();
  }

  /** Loads the models now rather than on the first search. */
  public void warmUp() {
    lemmatise("warming up");
  }
}
