package org.triangulate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Codebook;
import org.triangulate.study.Codebook.Category;

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
}
