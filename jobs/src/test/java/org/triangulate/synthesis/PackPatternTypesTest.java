package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.triangulate.stats.PatternFamily;
import org.triangulate.study.Study;

class PackPatternTypesTest {

  @Test
  void packsMaySelectExactlyThePatternFamilies() {
    assertThat(Study.PACK_PATTERN_TYPES)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(PatternFamily.values()).map(Enum::name).toList());
  }
}
