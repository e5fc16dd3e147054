package org.triangulate.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://example.invalid\",\"x\")",
        "+1 for that",
        "-2+3",
        "@SUM(A1)",
        "\tindented",
        "\rcarriage",
        " =1+1",
        "\n=1+1",
        "\u00a0=1+1",
        "\uFF1DHYPERLINK(\"http://example.invalid\")",
        "\uFF0B1",
        "\uFF0D1",
        "\uFF20SUM(A1)"
      })
  void aCellASpreadsheetWouldRunAsAFormulaIsKeptAsText(String said) {
    assertThat(SpreadsheetText.cell(said)).isEqualTo("'" + said);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "We talked about pay = fairness", "I'd say 50-50", "'quoted"})
  void otherTextIsUnchanged(String said) {
    assertThat(SpreadsheetText.cell(said)).isEqualTo(said);
  }

  @org.junit.jupiter.api.Test
  void numbersAreUnchanged() {
    assertThat(SpreadsheetText.cell(-3)).isEqualTo(-3);
  }
}
