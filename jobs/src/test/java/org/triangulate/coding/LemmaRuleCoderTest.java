package org.triangulate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Codebook;
import org.triangulate.study.Codebook.Category;
import org.triangulate.study.Codebook.Rule;

class LemmaRuleCoderTest {

  private static final Category SUPERVISION =
      new Category(
          "supervision",
          "Supervision",
          "Access to supervision",
          List.of("sup_access"),
          List.of("supervision", "supervisor", "supervise"),
          List.of());
  private static final Category ROLE_CLARITY =
      new Category(
          "role_clarity",
          "Role clarity",
          "Shared understanding",
          List.of("role_shared_understanding"),
          List.of("clarity", "confuse"),
          List.of("job description"));
  private static final Category STRATEGIC_SUPPORT =
      new Category(
          "strategic_support",
          "Strategic support",
          "Senior commitment",
          List.of("org_strategic_support"),
          List.of("board"),
          List.of("senior manager"));

  private final LemmaRuleCoder coder =
      new LemmaRuleCoder(
          new Codebook(
              List.of(
                  new Codebook.Theme("support", "Support", List.of(SUPERVISION)),
                  new Codebook.Theme(
                      "organisation", "Organisation", List.of(ROLE_CLARITY, STRATEGIC_SUPPORT)))));

  @Test
  void codesCategoryWhenAnyOfItsLemmasOccurs() {
    // given: lemmas of "My manager was supervising six of us."
    String lemmas = "my manager be supervise six of we";

    // when
    List<Coding> codings = coder.code("seg-1", lemmas);

    // then
    assertThat(codings)
        .containsExactly(
            new Coding("seg-1", "supervision", "rule:supervision", List.of("supervise")));
  }

  @Test
  void listsEveryMatchedTermInCodebookOrder() {
    // given
    String lemmas = "the supervisor do not supervise and supervision be rare";

    // when
    List<Coding> codings = coder.code("seg-2", lemmas);

    // then
    assertThat(codings)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.category()).isEqualTo("supervision");
          assertThat(c.provenance()).isEqualTo("rule:supervision");
          assertThat(c.matchedTerms()).containsExactly("supervision", "supervisor", "supervise");
        });
  }

  @Test
  void matchesAnyOfLemmaOnlyAsAWholeLemma() {
    // given: "supervisory" and "clarityish" contain rule lemmas but are other words
    String lemmas = "the supervisory board lack clarityish";

    // when
    List<Coding> codings = coder.code("seg-3", lemmas);

    // then: only "board" (strategic_support) is a whole lemma of a rule
    assertThat(codings)
        .containsExactly(
            new Coding("seg-3", "strategic_support", "rule:strategic_support", List.of("board")));
  }

  @Test
  void matchesPhraseAsALemmaSequence() {
    // given: lemmas of "Nobody had read my job description."
    String lemmas = "nobody have read my job description";

    // when
    List<Coding> codings = coder.code("seg-4", lemmas);

    // then
    assertThat(codings)
        .containsExactly(
            new Coding("seg-4", "role_clarity", "rule:role_clarity", List.of("job description")));
  }

  @Test
  void matchesPhraseThatIsTheWholeSegment() {
    // when
    List<Coding> codings = coder.code("seg-5", "senior manager");

    // then
    assertThat(codings).extracting(Coding::category).containsExactly("strategic_support");
    assertThat(codings.getFirst().matchedTerms()).containsExactly("senior manager");
  }

  @Test
  void doesNotMatchPhraseInsideOtherWords() {
    // given: "senior managerial", "nonsenior manager" and "subjob description" hold the phrases as
    // text,
    // but not as sequences of whole lemmas
    String lemmas =
        "the senior managerial team and a nonsenior manager write the subjob description";

    // when
    List<Coding> codings = coder.code("seg-6", lemmas);

    // then
    assertThat(codings).isEmpty();
  }

  @Test
  void doesNotMatchPhraseWhoseLemmasAreApart() {
    // when
    List<Coding> codings =
        coder.code("seg-7", "a senior and a manager discuss the job and its description");

    // then
    assertThat(codings).isEmpty();
  }

  @Test
  void codesNothingWhenNoRuleMatches() {
    // when
    List<Coding> codings = coder.code("seg-8", "we have a good team and the pay be fine");

    // then
    assertThat(codings).isEmpty();
  }

  @Test
  void codesEveryCategoryWhoseRulesMatchInCodebookOrder() {
    // given
    String lemmas = "the board want clarity about supervision";

    // when
    List<Coding> codings = coder.code("seg-9", lemmas);

    // then
    assertThat(codings)
        .containsExactly(
            new Coding("seg-9", "supervision", "rule:supervision", List.of("supervision")),
            new Coding("seg-9", "role_clarity", "rule:role_clarity", List.of("clarity")),
            new Coding("seg-9", "strategic_support", "rule:strategic_support", List.of("board")));
  }

  // ---- rules with windows, all-of, exclusions and speaker roles ------------------------------

  private static LemmaRuleCoder coderWith(Rule... rules) {
    return new LemmaRuleCoder(
        new Codebook(
            List.of(
                new Codebook.Theme(
                    "support",
                    "Support",
                    List.of(
                        new Category(
                            "supervision",
                            "Supervision",
                            "Access to supervision",
                            List.of("sup_access"),
                            List.of(),
                            List.of(),
                            List.of(rules)))))));
  }

  private static Rule rule(
      String id,
      List<String> anyOf,
      List<String> allOf,
      Integer window,
      List<String> exclude,
      Integer excludeWindow,
      String speaker) {
    return new Rule(id, anyOf, allOf, window, exclude, excludeWindow, speaker);
  }

  @Test
  void aRuleNamingItsLanguageCodesOnlySegmentsInThatLanguage() {
    // given a rule for French segments
    LemmaRuleCoder coder =
        coderWith(
            new Rule(
                "supervision_fr", List.of("supervision"), List.of(), null, null, null, null, "fr"));

    // when the same word comes in a French and an English segment
    List<Coding> french =
        coder.code("s1", SpeakerRole.PARTICIPANT, "une supervision tous les mois", "fr");
    List<Coding> english =
        coder.code("s2", SpeakerRole.PARTICIPANT, "supervision every month", "en");

    // then only the French one is coded
    assertThat(french).extracting(Coding::category).containsExactly("supervision");
    assertThat(english).isEmpty();
  }

  @Test
  void allOfRuleCodesWhenEveryTermLiesWithinTheWindow() {
    // given: "peer" and "supervision" must fall within 4 consecutive tokens
    LemmaRuleCoder coder =
        coderWith(
            rule(
                "peer_supervision",
                List.of(),
                List.of("peer", "supervision"),
                4,
                null,
                null,
                null));

    // when: 3 tokens from "peer" to "supervision" inclusive, then 5
    List<Coding> near = coder.code("s1", "we get peer group supervision monthly");
    List<Coding> far = coder.code("s2", "a peer told me about monthly group supervision");

    // then
    assertThat(near)
        .containsExactly(
            new Coding(
                "s1", "supervision", "rule:peer_supervision", List.of("peer", "supervision")));
    assertThat(far).isEmpty();
  }

  @Test
  void windowCountsTokensOfAPhraseTerm() {
    // given: the phrase takes two of the window's three tokens
    LemmaRuleCoder coder =
        coderWith(
            rule(
                "reflective",
                List.of(),
                List.of("reflective practice", "group"),
                3,
                null,
                null,
                null));

    // then: "reflective practice group" fits three tokens, "reflective practice in a group" does
    // not
    assertThat(coder.code("s1", "a reflective practice group")).hasSize(1);
    assertThat(coder.code("s2", "reflective practice in a group")).isEmpty();
  }

  @Test
  void allOfRuleWithoutWindowNeedsEveryTermAnywhereInTheSegment() {
    // given
    LemmaRuleCoder coder =
        coderWith(
            rule("both", List.of(), List.of("supervision", "monthly"), null, null, null, null));

    // then
    assertThat(coder.code("s1", "supervision be good and it happen monthly"))
        .singleElement()
        .extracting(Coding::matchedTerms)
        .isEqualTo(List.of("supervision", "monthly"));
    assertThat(coder.code("s2", "supervision be good")).isEmpty();
  }

  @Test
  void anyOfAndAllOfTogetherNeedOneOfTheFormerNearAllOfTheLatter() {
    // given: supervision said to be missing
    LemmaRuleCoder coder =
        coderWith(
            rule(
                "supervision_lacking",
                List.of("no", "never", "lack"),
                List.of("supervision"),
                3,
                null,
                null,
                null));

    // then
    assertThat(coder.code("s1", "i have never have supervision"))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.provenance()).isEqualTo("rule:supervision_lacking");
          assertThat(c.matchedTerms()).containsExactly("never", "supervision");
        });
    assertThat(coder.code("s2", "no , the supervision be regular")).isEmpty();
    assertThat(coder.code("s3", "supervision be regular")).isEmpty();
  }

  @Test
  void exclusionWithinItsWindowVetoesTheMatch() {
    // given: "manager", but not when "senior" is within one token of it
    LemmaRuleCoder coder =
        coderWith(rule("manager", List.of("manager"), List.of(), null, List.of("senior"), 1, null));

    // then
    assertThat(coder.code("s1", "my senior manager say so")).isEmpty();
    assertThat(coder.code("s2", "my manager say so"))
        .extracting(Coding::provenance)
        .containsExactly("rule:manager");
    // "senior" three tokens away is outside the exclusion window
    assertThat(coder.code("s3", "the senior team and manager")).hasSize(1);
  }

  @Test
  void exclusionVetoesOnlyTheOccurrencesNearIt() {
    // given
    LemmaRuleCoder coder =
        coderWith(rule("manager", List.of("manager"), List.of(), null, List.of("senior"), 1, null));

    // when: one "manager" is vetoed, the other is far from "senior"
    List<Coding> codings = coder.code("s1", "a senior manager and later my own manager");

    // then
    assertThat(codings).hasSize(1);
  }

  @Test
  void exclusionWithoutWindowVetoesAnywhereInTheSegment() {
    // given
    LemmaRuleCoder coder =
        coderWith(
            rule(
                "supervision",
                List.of("supervision"),
                List.of(),
                null,
                List.of("student"),
                null,
                null));

    // then
    assertThat(coder.code("s1", "supervision be fine , unlike when i be a student")).isEmpty();
    assertThat(coder.code("s2", "supervision be fine")).hasSize(1);
  }

  @Test
  void exclusionPhraseOverlappingTheTermVetoesIt() {
    // given: "clinical supervision" is not the peer supervision this category means
    LemmaRuleCoder coder =
        coderWith(
            rule(
                "peer_supervision",
                List.of("supervision"),
                List.of(),
                null,
                List.of("clinical supervision"),
                0,
                null));

    // then
    assertThat(coder.code("s1", "we have clinical supervision")).isEmpty();
    assertThat(coder.code("s2", "we have clinical input and supervision")).hasSize(1);
  }

  @Test
  void rulesApplyToParticipantSegmentsUnlessTheyNameAnotherRole() {
    // given
    LemmaRuleCoder coder =
        coderWith(
            rule("participant_default", List.of("supervision"), List.of(), null, null, null, null),
            rule("asked", List.of("supervision"), List.of(), null, null, null, "interviewer"),
            rule("anyone", List.of("supervision"), List.of(), null, null, null, "any"));

    // when
    List<Coding> participant = coder.code("s1", SpeakerRole.PARTICIPANT, "supervision");
    List<Coding> interviewer = coder.code("s2", SpeakerRole.INTERVIEWER, "supervision");

    // then
    assertThat(participant)
        .extracting(Coding::provenance)
        .containsExactly("rule:participant_default", "rule:anyone");
    assertThat(interviewer)
        .extracting(Coding::provenance)
        .containsExactly("rule:asked", "rule:anyone");
  }

  @Test
  void shortFormAndRulesOfACategoryEachGiveTheirOwnProvenance() {
    // given: the short form (any-of) and a rule of the same category both match
    LemmaRuleCoder coder =
        new LemmaRuleCoder(
            new Codebook(
                List.of(
                    new Codebook.Theme(
                        "support",
                        "Support",
                        List.of(
                            new Category(
                                "supervision",
                                "Supervision",
                                "",
                                List.of(),
                                List.of("supervisor"),
                                List.of(),
                                List.of(
                                    rule(
                                        "supervisor_absent",
                                        List.of("leave"),
                                        List.of("supervisor"),
                                        3,
                                        null,
                                        null,
                                        null))))))));

    // when
    List<Coding> codings = coder.code("s1", "my supervisor leave");

    // then
    assertThat(codings)
        .containsExactly(
            new Coding("s1", "supervision", "rule:supervision", List.of("supervisor")),
            new Coding(
                "s1", "supervision", "rule:supervisor_absent", List.of("leave", "supervisor")));
  }

  @Test
  void emptySegmentMatchesNothing() {
    assertThat(
            coderWith(rule("r", List.of("supervision"), List.of(), 2, null, null, null))
                .code("s", ""))
        .isEmpty();
    assertThat(coder.code("s", "   ")).isEmpty();
  }
}
