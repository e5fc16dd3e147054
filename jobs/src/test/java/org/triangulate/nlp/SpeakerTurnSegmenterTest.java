package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.triangulate.nlp.SpeakerRole.INTERVIEWER;
import static org.triangulate.nlp.SpeakerRole.PARTICIPANT;

import java.util.List;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SpeakerTurnSegmenterTest {

  /** The interviewer labels of config/application.yml. */
  private final SpeakerTurnSegmenter segmenter =
      new SpeakerTurnSegmenter(List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"));

  @Test
  void splitsInterviewerAndRespondentTurns() {
    // given
    String text =
        "Interviewer: How long have you worked here?\nRespondent: About two years, on the ward.\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "How long have you worked here?"),
            tuple(1, "Respondent", PARTICIPANT, "About two years, on the ward."));
  }

  @Test
  void readsANameLabelThatStartsWithACapitalBeyondAToZ() {
    // given
    String text = "Int: Thanks, Łukasz.\nŁukasz: Go ahead.\nÉmilie Ó Súilleabháin: Me too.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Int", INTERVIEWER, "Thanks, Łukasz."),
            tuple(1, "Łukasz", PARTICIPANT, "Go ahead."),
            tuple(2, "Émilie Ó Súilleabháin", PARTICIPANT, "Me too."));
  }

  @Test
  void readsSingleLetterLabels() {
    // given
    String text = "I: And supervision?\nR: Monthly, mostly.\nI: Thanks.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "I", INTERVIEWER, "And supervision?"),
            tuple(1, "R", PARTICIPANT, "Monthly, mostly."),
            tuple(2, "I", INTERVIEWER, "Thanks."));
  }

  @Test
  void treatsNumberedInterviewerAsInterviewerAndIntervieweeAsParticipant() {
    // given
    String text =
        "Interviewer 1: Tell me about training.\nInterviewer 2: And induction?\nInterviewee: Two days, no more.\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer 1", INTERVIEWER, "Tell me about training."),
            tuple(1, "Interviewer 2", INTERVIEWER, "And induction?"),
            tuple(2, "Interviewee", PARTICIPANT, "Two days, no more."));
  }

  @Test
  void readsQuestionLabelAndParticipantIdLabel() {
    // given
    String text = "Q: What is your role?\nP07: I'm a peer worker.\nQ2: Since when?\nP07: 2019.";

    // then: Q2 is a numbered Q, hence the interviewer; "2019." is speech, not a timestamp
    assertTurns(text)
        .containsExactly(
            tuple(0, "Q", INTERVIEWER, "What is your role?"),
            tuple(1, "P07", PARTICIPANT, "I'm a peer worker."),
            tuple(2, "Q2", INTERVIEWER, "Since when?"),
            tuple(3, "P07", PARTICIPANT, "2019."));
  }

  @Test
  void recognisesEveryConfiguredInterviewerLabelWhateverItsCase() {
    // given
    String text =
        "INTERVIEWER: a\nInt: b\nFacilitator: c\nModerator: d\nMary: e\nParticipant 3: f\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "INTERVIEWER", INTERVIEWER, "a"),
            tuple(1, "Int", INTERVIEWER, "b"),
            tuple(2, "Facilitator", INTERVIEWER, "c"),
            tuple(3, "Moderator", INTERVIEWER, "d"),
            tuple(4, "Mary", PARTICIPANT, "e"),
            tuple(5, "Participant 3", PARTICIPANT, "f"));
  }

  @Test
  void leavesBracketedTimestampBeforeTheLabelOutOfTheSpokenText() {
    // given
    String text = "[00:02:15] Interviewer: Shall we start?\n[00:02:20] Respondent: Yes, fine.\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "Shall we start?"),
            tuple(1, "Respondent", PARTICIPANT, "Yes, fine."));
  }

  @Test
  void leavesTimestampAfterTheLabelOutOfTheSpokenText() {
    // given
    String text = "Interviewer: 00:04:10 What about pay?\nRespondent: 00:04:15 It's band 3.\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "What about pay?"),
            tuple(1, "Respondent", PARTICIPANT, "It's band 3."));
  }

  @Test
  void keepsClockTimeSpokenRightAfterTheLabel() {
    // given: "9:30" and "12:45" are answers, not timestamps (those are [..] or h:mm:ss)
    String text =
        "Interviewer: When do you start?\nRespondent: 9:30, usually.\nI: [04:10] And lunch?\nR: 12:45 most days.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "When do you start?"),
            tuple(1, "Respondent", PARTICIPANT, "9:30, usually."),
            tuple(2, "I", INTERVIEWER, "And lunch?"),
            tuple(3, "R", PARTICIPANT, "12:45 most days."));
  }

  @Test
  void keepsUnlabelledParagraphsInTheTurnTheyContinue() {
    // given
    String text =
        """
        Interviewer: Tell me about your first month.

        Respondent: There was an induction week.

        After that I shadowed a colleague.
        Then I had my own caseload.

        Interviewer: Thanks.
        """;

    // then: the respondent's turn runs from "There" to "caseload." with its blank line inside
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "Tell me about your first month."),
            tuple(
                1,
                "Respondent",
                PARTICIPANT,
                "There was an induction week.\n\nAfter that I shadowed a colleague.\nThen I had my own caseload."),
            tuple(2, "Interviewer", INTERVIEWER, "Thanks."));
  }

  @Test
  void readsLabelOnALineOfItsOwn() {
    // given
    String text = "Interviewer:\nHow are you?\n\nRespondent:\nFine, thanks.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "How are you?"),
            tuple(1, "Respondent", PARTICIPANT, "Fine, thanks."));
  }

  @Test
  void makesOneParticipantTurnPerParagraphWhenTheFileHasNoLabels() {
    // given
    String text =
        "We started in 2019.\nIt was hard.\n\n  \nThen it got better.\n\n\nNow it works.\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "", PARTICIPANT, "We started in 2019.\nIt was hard."),
            tuple(1, "", PARTICIPANT, "Then it got better."),
            tuple(2, "", PARTICIPANT, "Now it works."));
  }

  @Test
  void givesOffsetsIntoTheWholeText() {
    // given: "I: " is 3 characters, "Anything?" 9, the newline 1, then "Respondent: " 12
    String text = "I: Anything?\nRespondent: No.";

    // when
    List<SpeakerTurn> turns = segmenter.segment(text);

    // then
    assertThat(turns)
        .extracting(SpeakerTurn::start, SpeakerTurn::end)
        .containsExactly(tuple(3, 12), tuple(25, 28));
  }

  @Test
  void dropsTurnsWithNothingSaid() {
    // given: the interviewer's label has no text before the next label
    String text = "Interviewer:\nRespondent: Hello.";

    // then
    assertTurns(text).containsExactly(tuple(0, "Respondent", PARTICIPANT, "Hello."));
  }

  @Test
  void readsTheLabelStylesOfTranscriptionServices() {
    // given Rev ("Name (00:00:05):" then the text), Otter ("Name  0:03" alone), Markdown emphasis
    String rev = "Interviewer (00:00:05):\nHow did it start?\n\nP07 (00:00:09):\nSlowly.\n";
    String otter = "Speaker 1  0:03\nWhat helps you?\n\nSpeaker 2  0:10\nMy peer worker.\n";
    String markdown = "**Interviewer:** Why?\n**Respondent**: Because.\n";

    // then
    assertTurns(rev)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "How did it start?"),
            tuple(1, "P07", PARTICIPANT, "Slowly."));
    assertTurns(otter)
        .containsExactly(
            tuple(0, "Speaker 1", INTERVIEWER, "What helps you?"),
            tuple(1, "Speaker 2", PARTICIPANT, "My peer worker."));
    assertTurns(markdown)
        .containsExactly(
            tuple(0, "Interviewer", INTERVIEWER, "Why?"),
            tuple(1, "Respondent", PARTICIPANT, "Because."));
  }

  @Test
  void infersTheInterviewerFromQuestionsWhenSpeakersAreNamed() {
    // given first names only: Sam asks, Alex answers (once each is enough)
    String text =
        "Sam: What does your role involve?\nAlex: Listening, mostly.\nSam: And support?\n";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Sam", INTERVIEWER, "What does your role involve?"),
            tuple(1, "Alex", PARTICIPANT, "Listening, mostly."),
            tuple(2, "Sam", INTERVIEWER, "And support?"));
  }

  @Test
  void usesConfiguredParticipantLabels() {
    // given a study whose transcripts call the participant "Client"
    SpeakerTurnSegmenter configured =
        new SpeakerTurnSegmenter(List.of("Worker"), List.of("Client"));
    String text = "Worker: Is it better?\nClient: Is it ever? Yes.\n";

    // then: the question-asking rule does not override configured labels
    assertThat(configured.segment(text))
        .extracting(SpeakerTurn::label, SpeakerTurn::role)
        .containsExactly(tuple("Worker", INTERVIEWER), tuple("Client", PARTICIPANT));
  }

  @Test
  void leavesATimestampLineBeforeTheNextSpeakerOutOfTheTurn() {
    // given
    String text = "I: Go on.\nR: It was hard.\n[00:14:05]\nI: Why?";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "I", INTERVIEWER, "Go on."),
            tuple(1, "R", PARTICIPANT, "It was hard."),
            tuple(2, "I", INTERVIEWER, "Why?"));
  }

  @Test
  void readsParenthesisedTimestampAfterTheLabel() {
    // given
    String text = "Q: (00:01:02) Where?\nP12: (00:01:09) Here.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "Q", INTERVIEWER, "Where?"), tuple(1, "P12", PARTICIPANT, "Here."));
  }

  @Test
  void keepsTextBeforeTheFirstLabelAsAnUnlabelledTurn() {
    // given a heading line before the first speaker
    String text = "Interview 3, ward B\n\nI: Ready?\nR: Yes.";

    // then
    assertTurns(text)
        .containsExactly(
            tuple(0, "", PARTICIPANT, "Interview 3, ward B"),
            tuple(1, "I", INTERVIEWER, "Ready?"),
            tuple(2, "R", PARTICIPANT, "Yes."));
  }

  private ListAssert<Tuple> assertTurns(String text) {
    List<Tuple> turns =
        segmenter.segment(text).stream()
            .map(t -> tuple(t.index(), t.label(), t.role(), text.substring(t.start(), t.end())))
            .toList();
    return assertThat(turns);
  }
}
