package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class BenjaminiHochbergTest {

  static List<JsonNode> referenceVectors() {
    return ReferenceFixture.stream(ReferenceFixture.benjaminiHochbergVectors()).toList();
  }

  @ParameterizedTest
  @MethodSource("referenceVectors")
  void matchesScipyFalseDiscoveryControl(JsonNode vector) {
    // given
    double[] p = ReferenceFixture.stream(vector.get("p")).mapToDouble(JsonNode::asDouble).toArray();
    List<JsonNode> expected = ReferenceFixture.stream(vector.get("adjusted")).toList();

    // when
    double[] adjusted = BenjaminiHochberg.adjust(p);

    // then
    assertThat(adjusted).hasSameSizeAs(p);
    for (int i = 0; i < p.length; i++) {
      ReferenceFixture.assertMatches(
          "adjusted p[" + i + "] of " + vector.get("p"), adjusted[i], expected.get(i));
    }
  }

  @Test
  void leavesUntestedEntriesOutOfTheNumberOfTests() {
    // given: two real p-values around a test that was not run; by hand, m = 2:
    // 0.01 · 2 / 1 = 0.02 and 0.04 · 2 / 2 = 0.04
    double[] p = {0.01, Double.NaN, 0.04};

    // when
    double[] adjusted = BenjaminiHochberg.adjust(p);

    // then
    assertThat(adjusted[0]).isCloseTo(0.02, within(1e-15));
    assertThat(adjusted[1]).isNaN();
    assertThat(adjusted[2]).isCloseTo(0.04, within(1e-15));
  }

  @Test
  void adjustsNothingWhenThereAreNoPValues() {
    assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
  }

  @Test
  void rejectsValuesThatAreNotPValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.2, 1.5}));
  }
}
