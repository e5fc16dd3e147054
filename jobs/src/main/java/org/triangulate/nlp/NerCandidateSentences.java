package org.triangulate.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;

/**
 * Which sentences are worth CoreNLP's NER. Its one 3-class CRF leans on capitalisation: a sentence
 * with no proper-noun tag and no capitalised word past its first (the pronoun "I" aside) gives it
 * nothing to label. On the demo transcripts, annotated turn by turn as the nightly job does, 1,344
 * of 17,669 sentences are candidates and every one of the 1,386 tokens NER labels lies in one; NER
 * on the candidates alone made {@link CoreNlpAnnotator} 1.84× and 1.93× as fast in two runs (12,400
 * → 23,600 and 12,500 → 24,100 words/s, medians of 4 alternating rounds in one JVM; no NER at all:
 * 27,600 and 30,200). Whole files, their speaker labels in the sentences, gain 1.3×.
 */
final class NerCandidateSentences {

  private NerCandidateSentences() {}

  /** Whether NER could find a name, place or organisation among these tokens of one sentence. */
  static boolean isCandidate(List<CoreLabel> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel token = tokens.get(i);
      String tag = token.tag();
      // NNP*: English tags; PROPN: the Universal Dependencies tags of the other languages' models.
      if (tag != null && (tag.startsWith("NNP") || tag.equals("PROPN"))) {
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
