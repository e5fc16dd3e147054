package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.triangulate.study.Study;

class DeidentifierTest {

  private static final SpeakerTurnSegmenter TURNS =
      new SpeakerTurnSegmenter(List.of("Interviewer", "Int", "I", "Q"));

  private static Deidentifier deidentifier(Study.Deidentification config) {
    return new Deidentifier(
        new IdentifierDetector(config), new InMemoryPseudonyms(config), TURNS::isRoleLabel);
  }

  private static Deidentifier deidentifier() {
    return deidentifier(Study.Deidentification.NONE);
  }

  private static Study.Deidentification places(String... places) {
    return new Study.Deidentification(null, List.of(places), null, null);
  }

  private static Study.Deidentification people(String... people) {
    return new Study.Deidentification(List.of(people), null, null, null);
  }

  private static String apply(Deidentifier deidentifier, String text) {
    return deidentifier.apply(text, KnownNames.none());
  }

  private static Segment segment(String id, String text, String label, int start, int end) {
    return new Segment(
        id,
        "S.txt",
        "P01",
        0,
        SpeakerRole.PARTICIPANT,
        label,
        start,
        end,
        1,
        text.substring(start, end),
        "",
        "",
        "en");
  }

  @Test
  void replacesListedPlacesWhateverTheirCase() {
    assertThat(apply(deidentifier(places("Leeds")), "Leeds, LEEDS and leeds."))
        .isEqualTo("[PLACE-1], [PLACE-1] and [PLACE-1].");
  }

  @Test
  void givesEachNameItsOwnPseudonymEveryTimeItOccurs() {
    // given
    Deidentifier deidentifier =
        deidentifier(new Study.Deidentification(List.of("Priya"), List.of("Leeds"), null, null));

    // when
    String first = apply(deidentifier, "Priya moved to Leeds.");
    String second = apply(deidentifier, "In Leeds, priya and PRIYA met.");

    // then
    assertThat(first).isEqualTo("[PERSON-1] moved to [PLACE-1].");
    assertThat(second).isEqualTo("In [PLACE-1], [PERSON-1] and [PERSON-1] met.");
  }

  @Test
  void replacesAFullNameWholeAndGivesItsFirstNameAloneTheSamePseudonym() {
    // given: the first name is listed before the full name
    Deidentifier deidentifier = deidentifier(people("Mary", "Mary Jones"));

    // when
    String text = apply(deidentifier, "Mary Jones said Mary would call. Mary   JONES did.");

    // then: never "[PERSON-n] Jones"; in this text "Mary" is Mary Jones
    assertThat(text).isEqualTo("[PERSON-1] said [PERSON-1] would call. [PERSON-1] did.");
  }

  @Test
  void leavesWordsThatOnlyContainANameAlone() {
    assertThat(apply(deidentifier(people("Ann")), "Ann told Annie about the annual review."))
        .isEqualTo("[PERSON-1] told Annie about the annual review.");
  }

  @Test
  void replacesEachCaseOrganisationNameWithTheCasePseudonym() {
    // given
    Study.Deidentification config =
        new Study.Deidentification(
            null,
            null,
            Map.of(
                "C03",
                new Study.CaseNames(
                    List.of("Eastbrook NHS Trust", "Eastbrook"),
                    List.of("the Anchor Centre"),
                    null),
                "C04",
                new Study.CaseNames(List.of("Harbourside"), List.of(), "[Service B]")),
            null);

    // when
    String text =
        apply(
            deidentifier(config),
            "Eastbrook NHS Trust (Eastbrook for short) runs the Anchor Centre, like Harbourside"
                + " and The Anchor Centre.");

    // then
    assertThat(text)
        .isEqualTo(
            "[CASE-C03] ([CASE-C03] for short) runs [PLACE-1], like [Service B] and [PLACE-1].");
  }

  @Test
  void replacesEmailAddresses() {
    assertThat(
            apply(deidentifier(), "Mail mary.jones@nhs.net or peer-team+rota@trust.org.uk today."))
        .isEqualTo("Mail [EMAIL-1] or [EMAIL-2] today.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meet me @ the office at 5.",
        "Mail me at home, not @work.",
        "The rota is on sharepoint@ward."
      })
  void leavesAtSignsThatAreNoAddressAlone(String sentence) {
    assertThat(apply(deidentifier(), sentence)).isEqualTo(sentence);
  }

  @Test
  void replacesANameInsideAnEmailAddressAsPartOfTheAddress() {
    assertThat(apply(deidentifier(people("Mary")), "Mary is mary@nhs.net"))
        .isEqualTo("[PERSON-1] is [EMAIL-1]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "020 7946 0958",
        "0113 496 0000",
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "+44 7700 900123",
        "+447700900123",
        "+44 20 7946 0958",
        "(020) 7946 0958",
        "(0113) 496 0000",
        "+44 (0)20 7946 0958"
      })
  void replacesUkPhoneNumbers(String phone) {
    assertThat(apply(deidentifier(), "Ring " + phone + " after six."))
        .isEqualTo("Ring [PHONE-1] after six.");
  }

  @Test
  void givesOneNumberWrittenTwoWaysOnePseudonym() {
    assertThat(apply(deidentifier(), "Ring +44 (0)20 7946 0958, or 020 7946 0958 from here."))
        .isEqualTo("Ring [PHONE-1], or [PHONE-1] from here.");
  }

  @Test
  void keepsBracketsAroundAWholePhoneNumber() {
    assertThat(apply(deidentifier(), "Her mobile (07700 900123) is on the rota."))
        .isEqualTo("Her mobile ([PHONE-1]) is on the rota.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999 919 1487", "9999191487", "943 476 5919", "401 023 2137"})
  void replacesNhsNumbersWithAValidCheckDigit(String number) {
    assertThat(apply(deidentifier(), "Her NHS number is " + number + ", I think."))
        .isEqualTo("Her NHS number is [NHS-NUMBER-1], I think.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999 919 1488", "9999191480", "943 476 5910", "12345678901"})
  void leavesTenDigitNumbersWithAWrongCheckDigitAlone(String number) {
    String sentence = "The reference is " + number + ", I think.";
    assertThat(apply(deidentifier(), sentence)).isEqualTo(sentence);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZB8 4AG", "LS1 4AB", "SW1A 1AA", "M1 1AE", "B33 8TH", "EC1A1BB"})
  void replacesPostcodes(String postcode) {
    assertThat(apply(deidentifier(), "We moved to " + postcode + " last year."))
        .isEqualTo("We moved to [POSTCODE-1] last year.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Take the A1 north.",
        "It was COVID 19 then.",
        "Room B12 on floor 2.",
        "A band 4 role, ls1 4ab.",
        "He scored 4AB in the test."
      })
  void leavesWhatOnlyLooksLikeAPostcodeAlone(String sentence) {
    assertThat(apply(deidentifier(), sentence)).isEqualTo(sentence);
  }

  @Test
  void replacesDatesOfBirthIntroducedAsSuch() {
    assertThat(
            apply(
                deidentifier(),
                "I was born on 3 March 1971. DOB 03/03/1971. My date of birth is March 3rd, 1971."
                    + " He was born 21st of June 1980. They had my date of birth wrong on the"
                    + " letters. It's the 2nd of May 1966, not what they had."))
        .isEqualTo(
            "I was born on [DOB-1]. DOB [DOB-2]. My date of birth is [DOB-3]. He was born"
                + " [DOB-4]. They had my date of birth wrong on the letters. It's the [DOB-5], not"
                + " what they had.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "In 2019 we had 12 peer workers.",
        "Band 3 pays 24,071 a year.",
        "It was 01/02/2019.",
        "We opened on 3 March 1971.",
        "The scheme was born in March.",
        "The scheme was born in March, and on 3 May 2019 it opened.",
        "Date of birth is on the form.\nWe opened on 3 March 1971.",
        "0.5 FTE since 2019-2020.",
        "Staff number 123456789.",
        "Items 1, 2 and 3 (of 8)."
      })
  void leavesOrdinaryNumbersAndDatesAlone(String sentence) {
    assertThat(apply(deidentifier(places("Leeds")), sentence)).isEqualTo(sentence);
  }

  @Test
  void replacesNerNamesButKeepsTheStudysKeepWords() {
    // given: NER took "Imran Patel" for a person, "Ash Ward" for a place, "NHS" for an organisation
    String text = "Imran Patel on Ash Ward, the NHS.";
    List<EntityMention> mentions =
        List.of(
            new EntityMention(0, 11, "PERSON"),
            new EntityMention(15, 23, "LOCATION"),
            new EntityMention(29, 32, "ORGANIZATION"));
    Study.Deidentification config = new Study.Deidentification(null, null, null, List.of("NHS"));
    Segment whole = segment("s1", text, "R", 0, text.length());

    // when
    List<DeidentifiedSegment> out =
        deidentifier(config).deidentify(text, mentions, KnownNames.none(), List.of(whole));

    // then
    assertThat(out.getFirst().text()).isEqualTo("[PERSON-1] on [PLACE-1], the NHS.");
  }

  @Test
  void takesTheSurnameNerMissedWithTheFirstName() {
    // given: NER found only the first name, twice
    String text = "I met Imran Ó Súilleabháin there. Imran I think was, and NHS Trust.";
    List<EntityMention> mentions =
        List.of(new EntityMention(6, 11, "PERSON"), new EntityMention(34, 39, "PERSON"));
    Segment whole = segment("s1", text, "R", 0, text.length());

    // when
    List<DeidentifiedSegment> out =
        deidentifier().deidentify(text, mentions, KnownNames.none(), List.of(whole));

    // then: the surname goes with it; "I" is no surname; the first name alone is the same person
    assertThat(out.getFirst().text())
        .isEqualTo("I met [PERSON-1] there. [PERSON-1] I think was, and NHS Trust.");
  }

  @Test
  void replacesNamesFoundElsewhereInTheStudyOnlyAsWritten() {
    // given: NER found "Rose" as a person in another transcript
    KnownNames known = new KnownNames();
    known.add(IdentifierKind.PERSON, "Rose");

    // when
    String text = deidentifier().apply("Rose said the rose garden helps.", known);

    // then
    assertThat(text).isEqualTo("[PERSON-1] said the rose garden helps.");
  }

  @Test
  void replacesANameUsedAsSpeakerLabelInTheLabelAndTheTextAlike() {
    // given
    String text = "Interviewer: Thanks Claire.\nClaire: Oh, fine.\nP12: Yes.\nSpeaker 2: No.";
    List<Segment> segments =
        List.of(
            segment("a", text, "Interviewer", 13, 27),
            segment("b", text, "Claire", 36, 45),
            segment("c", text, "P12", 51, 55),
            segment("d", text, "Speaker 2", 67, 70));

    // when
    List<DeidentifiedSegment> out =
        deidentifier().deidentify(text, List.of(), KnownNames.none(), segments);

    // then
    assertThat(out)
        .extracting(DeidentifiedSegment::speakerLabel)
        .containsExactly("Interviewer", "[PERSON-1]", "P12", "Speaker 2");
    assertThat(out.getFirst().text()).isEqualTo("Thanks [PERSON-1].");
  }

  @Test
  void leavesALabelTheStudyKeepsAlone() {
    // given: "Note:" was taken for a speaker label
    String text = "Note: recorder paused.\nR: Note this, Claire.";
    List<Segment> segments =
        List.of(segment("a", text, "Note", 6, 22), segment("b", text, "R", 26, text.length()));
    Study.Deidentification config = new Study.Deidentification(null, null, null, List.of("Note"));

    // when
    List<DeidentifiedSegment> out =
        deidentifier(config).deidentify(text, List.of(), KnownNames.none(), segments);

    // then
    assertThat(out).extracting(DeidentifiedSegment::speakerLabel).containsExactly("Note", "R");
    assertThat(out.get(1).text()).isEqualTo("Note this, Claire.");
  }

  @Test
  void dropsTheLemmasOfIdentifyingTokens() {
    // given
    String text = "I rang Imran Patel twice.";
    Segment segment =
        new Segment(
            "s1",
            "S.txt",
            "P01",
            0,
            SpeakerRole.PARTICIPANT,
            "R",
            0,
            text.length(),
            1,
            text,
            "i ring imran patel twice",
            "0 2 7 13 19",
            "en");

    // when
    List<DeidentifiedSegment> out =
        deidentifier()
            .deidentify(
                text,
                List.of(new EntityMention(7, 18, "PERSON")),
                KnownNames.none(),
                List.of(segment));

    // then
    assertThat(out.getFirst().lemmas()).isEqualTo("i ring twice");
    assertThat(out.getFirst().text()).isEqualTo("I rang [PERSON-1] twice.");
  }

  @Test
  void givesTheSamePersonTheSamePseudonymInTwoTranscripts() {
    // given: one deidentifier for the study, two transcripts naming the same people
    Deidentifier deidentifier = deidentifier();
    String first = "Grace Okafor and Tomás Byrne met.";
    String second = "Later Tomás   Byrne thanked grace okafor; Tomás was pleased.";

    // when
    String a =
        deidentifier
            .deidentify(
                first,
                List.of(new EntityMention(0, 12, "PERSON"), new EntityMention(17, 28, "PERSON")),
                KnownNames.none(),
                List.of(segment("a", first, "R", 0, first.length())))
            .getFirst()
            .text();
    String b =
        deidentifier
            .deidentify(
                second,
                List.of(new EntityMention(6, 19, "PERSON"), new EntityMention(28, 40, "PERSON")),
                KnownNames.none(),
                List.of(segment("b", second, "R", 0, second.length())))
            .getFirst()
            .text();

    // then: case and spacing do not matter; the first name alone is the full name here
    assertThat(a).isEqualTo("[PERSON-1] and [PERSON-2] met.");
    assertThat(b).isEqualTo("Later [PERSON-2] thanked [PERSON-1]; [PERSON-2] was pleased.");
  }
}
