package org.triangulate.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What interviewers ask and participants say, read from {@code resources/demo/phrases.yml}; see
 * that file for the slots. Immutable.
 */
record PhraseBank(
    Interviewer interviewer,
    Participant participant,
    Map<String, Topic> topics,
    Map<String, Voice> voices,
    Speech speech,
    List<Style> styles) {

  static PhraseBank load() {
    return DemoResources.yaml("phrases.yml", PhraseBank.class);
  }

  /**
   * The phrase bank with the topics of the given wording: the bank's own ({@code demo}) or a
   * variant's from {@code resources/demo/variants/<wording>-topics.yml}.
   */
  static PhraseBank load(String wording) {
    if (DemoGenerator.DEMO_WORDING.equals(wording)) {
      return load();
    }
    return DemoResources.yamlOverlaid(
        "phrases.yml", "variants/" + wording + "-topics.yml", PhraseBank.class);
  }

  /**
   * The phrase bank in another language, from {@code resources/demo/variants/<language>-
   * phrases.yml}; what that file leaves out (the speaker-label styles) is the bank's own.
   */
  static PhraseBank inLanguage(String language) {
    return DemoResources.yamlOverlaid(
        "phrases.yml", "variants/" + language + "-phrases.yml", PhraseBank.class);
  }

  record Interviewer(
      List<String> greetings,
      List<String> consent,
      List<String> background,
      Map<String, List<String>> domainIntros,
      List<String> probes,
      List<String> importance,
      List<String> backchannels,
      List<String> moveOn,
      List<String> anythingElse,
      List<String> closing) {}

  record Participant(
      List<String> agree,
      Map<String, List<String>> background,
      List<String> anythingElse,
      List<String> goodbye,
      Map<String, List<String>> stance,
      Map<String, List<String>> importance,
      List<String> anecdotes,
      List<String> elaborations,
      List<String> datesOfBirth) {}

  /** One item's topic: how it is named, asked about, and talked about for each A answer. */
  record Topic(
      String topic,
      List<String> prompts,
      @JsonProperty("yes") List<String> yes,
      List<String> partly,
      @JsonProperty("no") List<String> no,
      @JsonProperty("dont_know") List<String> dontKnow,
      @JsonProperty("not_relevant") List<String> notRelevant) {

    /** What people who gave this answer say; empty when the bank has nothing topic-specific. */
    List<String> said(String answerCode) {
      List<String> said =
          switch (answerCode) {
            case "yes" -> yes;
            case "partly" -> partly;
            case "no" -> no;
            case "dont_know" -> dontKnow;
            case "not_relevant" -> notRelevant;
            default -> throw new IllegalArgumentException("not an answer code: " + answerCode);
          };
      return said == null ? List.of() : said;
    }
  }

  /**
   * How a stakeholder group refers to the people the study is about, and the tags of the marked
   * phrases it may say.
   */
  record Voice(List<String> tags, List<String> pw, List<String> pwObj, List<String> pwPoss) {
    Voice {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  Voice voice(String group) {
    return voices.getOrDefault(group, voices.get("default"));
  }

  record Speech(
      List<String> interviewerOpeners,
      List<String> openers,
      List<String> inserts,
      List<String> falseStarts,
      List<String> annotations) {}

  /**
   * A transcription service's speaker labels, layout and timestamps ("none", "before", "after").
   */
  record Style(
      String interviewer,
      String secondInterviewer,
      String participant,
      boolean blankLines,
      String timestamps) {}
}
