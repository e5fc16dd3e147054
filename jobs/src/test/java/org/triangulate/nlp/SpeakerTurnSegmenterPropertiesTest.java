package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-based test of speaker-turn segmentation on random transcripts built from the pieces real
 * ones are made of, from fixed seeds (in each test's name): turns are in order, inside the text,
 * never overlap, start and end on spoken characters, and every word spoken is in some turn.
 */
class SpeakerTurnSegmenterPropertiesTest {

  private static final String[] PIECES = {
    "Interviewer: ",
    "I: ",
    "Q: ",
    "R: ",
    "P12: ",
    "Respondent 2: ",
    "Sam: ",
    "**Interviewer:** ",
    "[00:12:31] ",
    "00:12:31 ",
    "(00:01:02) ",
    "Speaker 1  0:03\n",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "well",
    "Why?",
    "yes.",
    "café",
    "\uD83D\uDE42",
    ":",
    "9:30",
    "However: ",
    "-",
    "'",
  };

  private final SpeakerTurnSegmenter segmenter =
      new SpeakerTurnSegmenter(List.of("Interviewer", "I", "Q"), List.of("Respondent", "R"));

  @TestFactory
  Stream<DynamicTest> turnsAreOrderedDisjointTrimmedAndKeepEverySpokenWord() {
    return IntStream.range(0, 500)
        .mapToObj(seed ->
            DynamicTest.dynamicTest(
                "seed " + seed,
                () -> {
                  Random random = new Random(seed);
                  StringBuilder text = new StringBuilder();
                  for (int i = random.nextInt(40); i > 0; i--) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                  }
                  String transcript = text.toString();
                  List<SpeakerTurn> turns = segmenter.segment(transcript);
                  int previousEnd = 0;
                  for (int i = 0; i < turns.size(); i++) {
                    SpeakerTurn turn = turns.get(i);
                    assertThat(turn.index()).isEqualTo(i);
                    assertThat(turn.start())
                        .isGreaterThanOrEqualTo(previousEnd)
                        .isLessThan(turn.end());
                    assertThat(turn.end()).isLessThanOrEqualTo(transcript.length());
                    assertThat(Character.isWhitespace(transcript.charAt(turn.start()))).isFalse();
                    assertThat(Character.isWhitespace(transcript.charAt(turn.end() - 1))).isFalse();
                    previousEnd = turn.end();
                  }
                  // every occurrence of a spoken word lies inside a turn
                  for (String word : List.of("well", "yes.", "café")) {
                    for (int at = transcript.indexOf(word);
                        at >= 0;
                        at = transcript.indexOf(word, at + 1)) {
                      int position = at;
                      assertThat(turns)
                          .as("'%s' at %d of %s", word, position, transcript)
                          .anyMatch(
                              t -> t.start() <= position && position + word.length() <= t.end());
                    }
                  }
                }));
  }
}
