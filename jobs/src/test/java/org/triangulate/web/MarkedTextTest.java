package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.web.MarkedText.Part;

class MarkedTextTest {

  private static final String S = MarkedText.START;
  private static final String E = MarkedText.END;

  @Test
  void splitsHighlightedFragmentIntoPlainAndMarkedParts() {
    // given
    String fragment = "My " + S + "supervisor" + E + " gives me " + S + "supervision" + E + ".";

    // when
    MarkedText text = MarkedText.parse(fragment);

    // then
    assertThat(text.parts())
        .containsExactly(
            new Part("My ", false),
            new Part("supervisor", true),
            new Part(" gives me ", false),
            new Part("supervision", true),
            new Part(".", false));
    assertThat(text.plainText()).isEqualTo("My supervisor gives me supervision.");
  }

  @Test
  void keepsMarkupLikeTextAsPlainTextForTheTemplateToEscape() {
    // given
    String fragment = "<script>alert(1)</script> " + S + "<b>peer</b>" + E;

    // when
    MarkedText text = MarkedText.parse(fragment);

    // then
    assertThat(text.parts())
        .containsExactly(
            new Part("<script>alert(1)</script> ", false), new Part("<b>peer</b>", true));
  }

  @Test
  void joinsMatchesThatTouchIntoOnePart() {
    // when
    MarkedText text = MarkedText.parse(S + "peer" + E + S + "work" + E + " role");

    // then
    assertThat(text.parts()).containsExactly(new Part("peerwork", true), new Part(" role", false));
  }

  @Test
  void dropsStrayMarkersWithoutLosingText() {
    // given an end with no start, a start inside a match, and a match left open
    String fragment = "a" + E + "b " + S + "c" + S + "d" + E + " e " + S + "f";

    // when
    MarkedText text = MarkedText.parse(fragment);

    // then
    assertThat(text.plainText()).isEqualTo("ab cd e f");
    assertThat(text.parts())
        .containsExactly(
            new Part("ab ", false),
            new Part("cd", true),
            new Part(" e ", false),
            new Part("f", true));
  }

  @Test
  void fragmentWithoutMarkersIsOnePlainPart() {
    assertThat(MarkedText.parse("no match here").parts())
        .containsExactly(new Part("no match here", false));
    assertThat(MarkedText.parse("").parts()).isEqualTo(List.of());
    assertThat(MarkedText.parse("plain").hasMarks()).isFalse();
  }
}
