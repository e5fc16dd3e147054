package org.triangulate.demo;

import java.util.random.RandomGenerator;

/**
 * Makes a written sentence read like transcribed speech: hesitant openings, fillers after a pause,
 * repeated first words, false starts and transcriber notes. Works on the phrase before its slots
 * are filled and never touches a slot. Not thread-safe (shares the interview's random stream).
 */
final class Disfluency {

  private final PhraseBank.Speech speech;
  private final RandomGenerator random;

  Disfluency(PhraseBank.Speech speech, RandomGenerator random) {
    this.speech = speech;
    this.random = random;
  }

  /** A participant's sentence, as said. */
  String spoken(String phrase) {
    String said = phrase;
    int roll = random.nextInt(100);
    if (roll < 22) {
      said = Draw.pick(random, speech.openers()) + " " + lowerFirst(said);
    } else if (roll < 29) {
      said = Draw.pick(random, speech.falseStarts()) + " " + lowerFirst(said);
    } else if (roll < 37) {
      said = repeatFirstWord(said);
    }
    if (Draw.chance(random, 0.14)) {
      said = fillerAfterComma(said);
    }
    if (Draw.chance(random, 0.035)) {
      said = said + " " + Draw.pick(random, speech.annotations());
    }
    return said;
  }

  /** An interviewer's sentence: interviewers hesitate less. */
  String asked(String phrase) {
    return Draw.chance(random, 0.12)
        ? Draw.pick(random, speech.interviewerOpeners()) + " " + lowerFirst(phrase)
        : phrase;
  }

  private String repeatFirstWord(String phrase) {
    int space = phrase.indexOf(' ');
    if (space <= 0 || phrase.startsWith("{")) {
      return phrase;
    }
    String first = phrase.substring(0, space).replaceAll("[,.]$", "");
    return first + ", " + (startsWithCapitalisedWord(first) ? lowerFirst(phrase) : phrase);
  }

  private String fillerAfterComma(String phrase) {
    int comma = phrase.indexOf(", ");
    if (comma < 0 || phrase.indexOf('{', comma) == comma + 2) {
      return phrase;
    }
    return phrase.substring(0, comma)
        + ", "
        + Draw.pick(random, speech.inserts())
        + ","
        + phrase.substring(comma + 1);
  }

  /**
   * "The ward", "A lot", "L'annonce" and "À quel point" become "the ward", "a lot", "l'annonce" and
   * "à quel point"; "I", "I'm", acronyms and slots stay.
   */
  static String lowerFirst(String phrase) {
    if (phrase.length() > 1
        && Character.isUpperCase(phrase.charAt(0))
        && (Character.isLowerCase(phrase.charAt(1))
            || phrase.startsWith("A ")
            || phrase.startsWith("À ")
            || (phrase.charAt(1) == '\'' && phrase.charAt(0) != 'I'))) {
      return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
    }
    return phrase;
  }

  private static boolean startsWithCapitalisedWord(String word) {
    return word.length() > 1
        && (Character.isLowerCase(word.charAt(1))
            || (word.charAt(1) == '\'' && word.charAt(0) != 'I'));
  }
}
