package org.triangulate.nlp;

/** Which sentences CoreNLP's NER reads ({@code triangulate.nlp.ner-sentences}). */
public enum NerSentences {
  /**
   * Only sentences with a proper-noun tag or a capitalised word ({@link NerCandidateSentences}).
   */
  CANDIDATES,
  /** Every sentence, as CoreNLP alone does. */
  ALL
}
