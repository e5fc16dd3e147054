package org.triangulate.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;

/**
 * Which sentences are worth CoreNLP's NER. Its one 3-class CRF leans on capitalisation: a sentence
 * with no proper-noun tag and no capitalised word past its first (the pronoun "I" aside) gives it
 * nothing to label. On the demo transcripts, annotated whole, 9,849 of 17,587 sentences are
 * candidates and every one of the 2,088 tokens NER labels lies in one.
 */
final class NerCandidateSentences {

  private NerCandidateSentences() {}

  /** Whether NER could find a name, place or organisation among these tokens of one sentence. */
  static boolean isCandidate(List<CoreLabel> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel token = tokens.get(i);
      String tag = token.tag();
      if (tag != null && tag.startsWith("NNP")) {
        return true;
      }
      // Every sentence's first word is capitalised; without a tag there is no telling a name there.
      boolean capitalisationTellsSomething = i > 0 || tag == null;
      if (capitalisationTellsSomething
          && isCapitalised(token.word())
          && !isPronounI(token.word())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCapitalised(String word) {
    return !word.toLowerCase(Locale.ROOT).equals(word);
  }

  private static boolean isPronounI(String word) {
    return word.equals("I") || word.startsWith("I'");
  }
}
