package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;

class HeadedNamesTest {

  private static final Study.NameHeads HEADS =
      new Study.NameHeads(List.of("Ward", "Road", "Centre"), List.of("Trust", "Network"));

  private static List<String> found(String text) {
    return new HeadedNames(HEADS, Set.of("nhs"))
        .find(text).stream()
            .map(f -> text.substring(f.start(), f.end()) + "=" + f.kind().code())
            .toList();
  }

  @Test
  void findsCapitalisedNamesEndingInAHeadWithTheKindOfTheHead() {
    assertThat(
            found(
                "I moved from Fernhill Ward to the Tanfield Carers Network, just off Hartley Road."))
        .containsExactly(
            "Fernhill Ward=place",
            "the Tanfield Carers Network=organisation",
            "Hartley Road=place");
  }

  @Test
  void takesTheWholeNameWhenAnEarlierWordOfItIsAHeadToo() {
    assertThat(found("She came down to Pier Road Centre once."))
        .containsExactly("Pier Road Centre=place");
  }

  @Test
  void findsARunOfCapitalisedWordsWithoutAHeadWhenItsFirstWordIsNeverWrittenInLowerCase() {
    String text =
        "I still remember my first day at Compass Peer Support. I'm a Peer Support Worker, and"
            + " peer support is what we do. Compass Peer Support was good. So, Next I'd say, Before"
            + " I go.";
    assertThat(
            new HeadedNames(HEADS, Set.of("nhs"))
                .unheaded(text).stream()
                    .map(f -> text.substring(f.start(), f.end()) + "=" + f.kind().code())
                    .toList())
        .containsExactly("Compass Peer Support=organisation");
  }

  @Test
  void joinsCapitalisedWordsWithOfAndForButNotWithAnd() {
    assertThat(found("She works at the Centre for Recovery Trust now."))
        .containsExactly("the Centre for Recovery Trust=organisation");
    assertThat(found("Between Harbourside and the Anchor Centre."))
        .containsExactly("the Anchor Centre=place");
  }

  @Test
  void leavesOutAFirstWordCapitalisedOnlyBecauseItStartsTheSentence() {
    assertThat(
            found("Yeah Willow Ward was better. And yeah, it was the same.\nThe Ward was quiet."))
        .containsExactly("Willow Ward=place");
    assertThat(found("At Hub Ward.")).containsExactly("Hub Ward=place");
  }

  @Test
  void keepsAFirstWordThatIsNeverWrittenInLowerCase() {
    assertThat(found("Northvale NHS Foundation Trust runs it."))
        .containsExactly("Northvale NHS Foundation Trust=organisation");
  }

  @Test
  void findsNoNameMadeOfHeadsAndKeptWordsOnlyNorAHeadInLowerCase() {
    assertThat(found("The NHS Trust said so, and the ward and the road were fine."))
        .containsExactly();
  }

  @Test
  void findsNothingWithoutHeads() {
    assertThat(
            new HeadedNames(new Study.NameHeads(List.of(), List.of()), Set.of()).find("Ash Ward"))
        .isEmpty();
  }

  @Test
  void offersTheFirstWordOfANameWhenTheTextNeverWritesItInLowerCase() {
    String text = "Over at Willow Ward and Station Road, near the station, people said Willow.";
    HeadedNames names = new HeadedNames(HEADS, Set.of());

    List<String> words =
        names.distinctiveFirstWords(text, names.find(text)).stream()
            .map(f -> text.substring(f.start(), f.end()))
            .toList();

    assertThat(words).containsExactly("Willow");
  }
}
