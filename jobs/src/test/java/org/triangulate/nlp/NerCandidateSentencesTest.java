package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerCandidateSentencesTest {

  @Test
  void aSentenceOfLowercaseWordsAfterItsFirstIsNoCandidate() {
    assertThat(isCandidate("We/PRP had/VBD no/DT supervisor/NN for/IN months/NNS ./.")).isFalse();
  }

  @Test
  void thePronounIIsNoName() {
    assertThat(isCandidate("Then/RB I/PRP left/VBD ,/, and/CC I'd/PRP go/VB back/RB ./."))
        .isFalse();
  }

  @Test
  void aProperNounTagMakesACandidateEvenAsTheFirstWord() {
    assertThat(isCandidate("Claire/NNP was/VBD great/JJ ./.")).isTrue();
    assertThat(isCandidate("Smiths/NNPS came/VBD ./.")).isTrue();
  }

  @Test
  void aCapitalisedFirstWordAloneIsNoCandidate() {
    assertThat(isCandidate("Supervision/NN was/VBD patchy/JJ ./.")).isFalse();
  }

  @Test
  void aCapitalisedWordPastTheFirstMakesACandidateWhateverItsTag() {
    assertThat(isCandidate("We/PRP moved/VBD to/TO Leeds/NN ./.")).isTrue();
    assertThat(isCandidate("it/PRP was/VBD the/DT NHS/JJ ./.")).isTrue();
  }

  @Test
  void withoutTagsACapitalisedFirstWordMayBeAName() {
    assertThat(isCandidate("Claire/ was/ great/ ./")).isTrue();
    assertThat(isCandidate("I/ was/ there/ ./")).isFalse();
  }

  @Test
  void anEmptySentenceIsNoCandidate() {
    assertThat(NerCandidateSentences.isCandidate(List.of())).isFalse();
  }

  /** Tokens written {@code word/TAG}, an empty tag meaning none. */
  private static boolean isCandidate(String taggedSentence) {
    List<CoreLabel> tokens = new ArrayList<>();
    for (String tagged : taggedSentence.split(" ")) {
      int slash = tagged.lastIndexOf('/');
      CoreLabel token = new CoreLabel();
      token.setWord(tagged.substring(0, slash));
      String tag = tagged.substring(slash + 1);
      if (!tag.isEmpty()) {
        token.setTag(tag);
      }
      tokens.add(token);
    }
    return NerCandidateSentences.isCandidate(tokens);
  }
}
