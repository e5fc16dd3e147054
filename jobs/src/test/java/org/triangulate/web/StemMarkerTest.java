package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triangulate.web.MarkedText.Part;

class StemMarkerTest {

  @Test
  void givenAStem_whenMarking_thenMarksEveryWordWithItAndKeepsExistingMarks() {
    MarkedText text =
        MarkedText.parse(
            MarkedText.START
                + "Supervising"
                + MarkedText.END
                + " needs supervision, not supervisors.");

    MarkedText marked = StemMarker.mark(text, Set.of("supervis"));

    assertThat(marked.parts())
        .containsExactly(
            new Part("Supervising", true),
            new Part(" needs ", false),
            new Part("supervision", true),
            new Part(", not supervisors.", false));
    assertThat(marked.plainText()).isEqualTo(text.plainText());
  }

  @Test
  void givenAnIrregularForm_whenMarking_thenMarksItThroughItsLemma() {
    MarkedText marked =
        StemMarker.mark(MarkedText.parse("They paid us late; pay day moved."), Set.of("pay"));

    assertThat(marked.parts())
        .filteredOn(Part::marked)
        .extracting(Part::text)
        .containsExactly("paid", "pay");
  }

  @Test
  void givenMatchesInALongText_whenCuttingKwicLines_thenEachMatchHasBoundedContextCutAtWords() {
    String before = "word ".repeat(30);
    MarkedText text =
        new MarkedText(
            List.of(new Part(before, false), new Part("pay", true), new Part(" and more", false)));

    Kwic line = Kwic.of(text).getFirst();

    assertThat(line.match()).isEqualTo("pay");
    assertThat(line.left())
        .startsWith("… word")
        .endsWith("word ")
        .hasSizeLessThanOrEqualTo(Kwic.CONTEXT + 1);
    assertThat(line.right()).isEqualTo(" and more");
  }
}
