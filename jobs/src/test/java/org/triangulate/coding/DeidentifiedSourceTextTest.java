package org.triangulate.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

class DeidentifiedSourceTextTest {

  private final DeidentifiedSourceText exported =
      new DeidentifiedSourceText(
          ExportFixture.redaction(
              new Study.Deidentification(
                  List.of("Mary Jones"), List.of("Willow Ward"), null, null)));

  @Test
  void deidentifiesSegmentsAndTheTextBetweenThemAndMapsEveryBoundary() {
    // given: a speaker label naming a person lies between segments, outside any of them
    String text = "Mary Jones: I work on Willow Ward.\nInterviewer: Call 020 7946 0958?\n";
    SourceDocument source = new SourceDocument("P01.txt", "P01", "P01.txt", "0".repeat(64), text);
    var first =
        ExportFixture.segment(
            "s1", "P01.txt", "P01", SpeakerRole.PARTICIPANT, text, "I work on Willow Ward.");
    var second =
        ExportFixture.segment(
            "s2", "P01.txt", "P01", SpeakerRole.INTERVIEWER, text, "Call 020 7946 0958?");

    // when
    ExportedText result = exported.of(source, List.of(first, second));

    // then: written out by hand (one person, one place, one phone number: each the first of its
    // kind)
    String expected = "[PERSON-1]: I work on [PLACE-1].\nInterviewer: Call [PHONE-1]?\n";
    assertThat(result.text()).isEqualTo(expected);
    assertThat(expected.substring(result.at(first.start()), result.at(first.end())))
        .isEqualTo("I work on [PLACE-1].");
    assertThat(expected.substring(result.at(second.start()), result.at(second.end())))
        .isEqualTo("Call [PHONE-1]?");
    assertThat(result.at(text.length())).isEqualTo(expected.length());
    assertThatThrownBy(() -> result.at(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
