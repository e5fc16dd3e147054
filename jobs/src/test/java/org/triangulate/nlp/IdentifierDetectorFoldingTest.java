package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;

/**
 * The listed terms' shortcut (a text without a term's longest word, folded, is not searched) may
 * only skip texts the term's pattern could not match: characters the case-insensitive matching of
 * {@link Pattern} takes for each other must fold alike.
 */
class IdentifierDetectorFoldingTest {

  @Test
  void foldsAlikeEveryTwoCharactersCaseInsensitiveMatchingTakesForEachOther() {
    // given every character of the Basic Multilingual Plane beside its case variants and a few
    // characters with odd case mappings (dotted and dotless i, long s, Kelvin sign, final sigma)
    List<String> disagreements = new ArrayList<>();
    String odd = "iIİısSſkKKσΣςßẞ";
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      List<Integer> others = new ArrayList<>();
      others.add(Character.toUpperCase(c));
      others.add(Character.toLowerCase(c));
      others.add(Character.toTitleCase(c));
      odd.codePoints().forEach(others::add);
      for (int other : others) {
        String a = Character.toString(c);
        String b = Character.toString(other);

        // when
        boolean regex =
            Pattern.compile(Pattern.quote(b), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(a)
                .matches();
        boolean folding = IdentifierDetector.folded(a).equals(IdentifierDetector.folded(b));

        // then: folding may take a few more pairs alike (capital and small sharp s), which costs
        // a search; it must never tell apart two the pattern would match
        if (regex && !folding) {
          disagreements.add("U+%04X vs U+%04X".formatted(c, other));
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void keepsFindingListedTermsWrittenInAnyCase() {
    // given a study listing a case's organisation and a local place
    IdentifierDetector detector =
        new IdentifierDetector(
            new Study.Deidentification(
                null,
                null,
                Map.of(
                    "C01",
                    new Study.CaseNames(
                        List.of("Northvale NHS Foundation Trust", "Northvale"),
                        List.of("Willow Ward"),
                        null)),
                null));
    String text = "We met at NORTHVALE and then at the   willow\nward, not at Willowbrook.";

    // when
    List<Identifier> found = detector.detect(text, List.of(), KnownNames.none(), List.of());

    // then both are found, as written, and the longer word's lookalike is not
    assertThat(found)
        .extracting(id -> text.substring(id.start(), id.end()) + " " + id.kind())
        .containsExactly("NORTHVALE CASE", "willow\nward PLACE");
  }

  @Test
  void findsATermWithItsOptionalTheWhereTheTextHasNoThe() {
    // given a local place whose listed name starts with "the", as long as the word after it
    IdentifierDetector detector =
        new IdentifierDetector(new Study.Deidentification(null, List.of("the Hub"), null, null));
    String text = "At Hub, we talk.";

    // when
    List<Identifier> found = detector.detect(text, List.of(), KnownNames.none(), List.of());

    // then
    assertThat(found)
        .extracting(id -> text.substring(id.start(), id.end()) + " " + id.kind())
        .containsExactly("Hub PLACE");
  }
}
