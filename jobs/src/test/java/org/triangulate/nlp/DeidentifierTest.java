package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeidentifierTest {

  @Test
  void replacesConfiguredTermsWhateverTheirCase() {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of("Leeds"));

    // when
    String text = deidentifier.apply("Leeds, LEEDS and leeds.");

    // then
    assertThat(text).isEqualTo("[NAME-1], [NAME-1] and [NAME-1].");
  }

  @Test
  void givesEachTermItsOwnPseudonymEveryTimeItOccurs() {
    // given: both terms are 5 letters long, so they keep their configured order
    Deidentifier deidentifier = new Deidentifier(List.of("Priya", "Leeds"));

    // when
    String first = deidentifier.apply("Priya moved to Leeds.");
    String second = deidentifier.apply("In Leeds, priya and PRIYA met.");

    // then
    assertThat(first).isEqualTo("[NAME-1] moved to [NAME-2].");
    assertThat(second).isEqualTo("In [NAME-2], [NAME-1] and [NAME-1] met.");
  }

  @Test
  void replacesTheLongestTermFirst() {
    // given: "Mary" is configured before "Mary Jones"
    Deidentifier deidentifier = new Deidentifier(List.of("Mary", "Mary Jones"));

    // when
    String text = deidentifier.apply("Mary Jones said Mary would call.");

    // then: "Mary Jones" (longest, NAME-1) is replaced whole, not as "[NAME-2] Jones"
    assertThat(text).isEqualTo("[NAME-1] said [NAME-2] would call.");
  }

  @Test
  void leavesWordsThatOnlyContainATermAlone() {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of("Ann"));

    // when
    String text = deidentifier.apply("Ann told Annie about the annual review.");

    // then
    assertThat(text).isEqualTo("[NAME-1] told Annie about the annual review.");
  }

  @Test
  void replacesEmailAddresses() {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of());

    // when
    String text =
        deidentifier.apply("Mail mary.jones@nhs.net or peer-team+rota@trust.org.uk today.");

    // then
    assertThat(text).isEqualTo("Mail [EMAIL] or [EMAIL] today.");
  }

  @Test
  void replacesATermInsideAnEmailAddressAsPartOfTheAddress() {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of("Mary"));

    // when
    String text = deidentifier.apply("Mary is mary@nhs.net");

    // then
    assertThat(text).isEqualTo("[NAME-1] is [EMAIL]");
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
    // given
    Deidentifier deidentifier = new Deidentifier(List.of());

    // when
    String text = deidentifier.apply("Ring " + phone + " after six.");

    // then
    assertThat(text).isEqualTo("Ring [PHONE] after six.");
  }

  @Test
  void keepsBracketsAroundAWholePhoneNumber() {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of());

    // when
    String text = deidentifier.apply("Her mobile (07700 900123) is on the rota.");

    // then
    assertThat(text).isEqualTo("Her mobile ([PHONE]) is on the rota.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "In 2019 we had 12 peer workers.",
        "Band 3 pays 24,071 a year.",
        "It was 01/02/2019.",
        "0.5 FTE since 2019-2020.",
        "Staff number 123456789.",
        "Items 1, 2 and 3 (of 8)."
      })
  void leavesOrdinaryNumbersAlone(String sentence) {
    // given
    Deidentifier deidentifier = new Deidentifier(List.of("Leeds"));

    // when
    String text = deidentifier.apply(sentence);

    // then
    assertThat(text).isEqualTo(sentence);
  }
}
