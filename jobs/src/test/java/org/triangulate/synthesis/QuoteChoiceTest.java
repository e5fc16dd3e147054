package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteChoiceTest {

  // The demo study allows 3 quotes per group.
  private final QuoteFinder finder = new QuoteFinder(null, null, new PackFixture().study);

  @Test
  void takesOneQuotePerCaseBeforeASecondFromTheSameCase() {
    List<Quote> candidates =
        List.of(
            quote(
                "a",
                "P1",
                "C1",
                "We had a proper induction week and met everyone on the ward first."),
            quote(
                "b",
                "P2",
                "C1",
                "Supervision happens monthly, sometimes less when the rota is short."),
            quote(
                "c",
                "P3",
                "C2",
                "My manager checks in with me most days and that makes a difference."),
            quote(
                "d",
                "P4",
                "C3",
                "Nobody told the nurses what a peer role was until months later on."));

    List<Quote> chosen = finder.choose(candidates, new QuoteFinder.Section());

    assertThat(chosen).extracting(Quote::extractId).containsExactly("a", "c", "d");
  }

  @Test
  void quotesANarrowMarginOnlyWhenASecondKindOfEvidenceAgrees() {
    // given the uncorroborated quote's margin of 0.15
    double clear = 0.15;

    // then a narrow margin from the question alone is not quoted
    assertThat(QuoteFinder.corroboratedOrClear(0.08, "aligned:question", clear)).isFalse();
    // but is when the turn's own meaning or a coding agrees
    assertThat(QuoteFinder.corroboratedOrClear(0.08, "aligned:question,aligned:semantic", clear))
        .isTrue();
    assertThat(QuoteFinder.corroboratedOrClear(0.08, "aligned:question,rule:pay", clear)).isTrue();
    // and a clear margin needs no second kind
    assertThat(QuoteFinder.corroboratedOrClear(0.15, "aligned:question", clear)).isTrue();
    assertThat(QuoteFinder.corroboratedOrClear(0.2, "aligned:semantic", clear)).isTrue();
  }

  @Test
  void neverQuotesAParticipantTwiceInASection() {
    QuoteFinder.Section section = new QuoteFinder.Section();
    finder.choose(
        List.of(quote("a", "P1", "C1", "We had a proper induction week and met everyone first.")),
        section);

    List<Quote> chosen =
        finder.choose(
            List.of(
                quote("b", "P1", "C1", "Supervision happens monthly, sometimes less than that."),
                quote("c", "P2", "C2", "My manager checks in with me most days, which helps.")),
            section);

    assertThat(chosen).extracting(Quote::extractId).containsExactly("c");
  }

  @Test
  void skipsANearDuplicateUnlessTheGroupWouldHaveNoQuote() {
    String story =
        "The advert actually said lived experience of mental health problems was essential, not"
            + " desirable, essential.";
    QuoteFinder.Section section = new QuoteFinder.Section();
    finder.choose(List.of(quote("a", "P1", "C1", "Honestly, " + story)), section);

    // a near-repeat is passed over for a different voice
    List<Quote> withOther =
        finder.choose(
            List.of(
                quote("b", "P2", "C2", "So, " + story + " It was the first thing we scored."),
                quote("c", "P3", "C3", "They asked about my own experience at the interview.")),
            section);
    assertThat(withOther).extracting(Quote::extractId).containsExactly("c");

    // but is taken when it is all a group has
    List<Quote> alone = finder.choose(List.of(quote("d", "P4", "C4", "Well, " + story)), section);
    assertThat(alone).extracting(Quote::extractId).containsExactly("d");
  }

  private static Quote quote(String id, String participant, String caseId, String text) {
    return new Quote(
        id,
        text,
        participant,
        caseId,
        Map.of(),
        List.of(),
        "t.txt",
        0,
        text.length(),
        "en",
        null,
        null,
        null,
        null);
  }
}
