package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of one domain on hand-made similarities: items 0 and 1 are of domain 0 (pay), items 2 and 3
 * of domain 1 (training).
 */
class DomainRunsTest {

  private static final int[] DOMAINS = {0, 0, 1, 1};

  private static int closest(double[] section) {
    int best = 0;
    for (int i = 1; i < section.length; i++) {
      if (section[i] > section[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void aSectionLeaningToAnotherDomainInsideARunTakesItsRunsDomain() {
    // given: pay, pay, then a section slightly closer to training but nearly as close to pay,
    // then pay again
    List<double[]> sections =
        new ArrayList<>(
            List.of(
                new double[] {0.6, 0.2, 0.1, 0.1},
                new double[] {0.2, 0.4, 0.1, 0.1},
                new double[] {0.1, 0.38, 0.4, 0.1},
                new double[] {0.1, 0.1, 0.1, 0.1}));

    // when
    DomainRuns.apply(sections, DOMAINS, 0.05);

    // then the third section is read as pay (item 1), the switch costing more than it gains
    assertThat(sections.stream().map(DomainRunsTest::closest).toList().subList(0, 3))
        .containsExactly(0, 1, 1);
  }

  @Test
  void aClearChangeOfDomainStartsANewRun() {
    // given
    List<double[]> sections =
        new ArrayList<>(
            List.of(new double[] {0.6, 0.2, 0.1, 0.1}, new double[] {0.1, 0.1, 0.2, 0.7}));

    // when
    DomainRuns.apply(sections, DOMAINS, 0.05);

    // then
    assertThat(closest(sections.get(0))).isZero();
    assertThat(closest(sections.get(1))).isEqualTo(3);
    // and the other domain's items fall behind by one
    assertThat(sections.get(1)[0]).isCloseTo(0.1 - 1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void withinARunEachItemGoesToTheClosestSectionAndTheOtherIsLeftWithoutMargin() {
    // given: both sections closest to item 0, the second more so
    List<double[]> sections =
        new ArrayList<>(
            List.of(new double[] {0.5, 0.45, 0.0, 0.0}, new double[] {0.7, 0.3, 0.0, 0.0}));

    // when
    DomainRuns.apply(sections, DOMAINS, 0.05);

    // then the second keeps item 0 with its margin; the first takes item 1, with no margin
    assertThat(closest(sections.get(1))).isZero();
    assertThat(sections.get(1)[0] - sections.get(1)[1])
        .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(closest(sections.get(0))).isEqualTo(1);
    assertThat(sections.get(0)[1] - sections.get(0)[0]).isBetween(0.0, 1e-9);
  }

  @Test
  void noSectionsIsNothingToDo() {
    List<double[]> sections = new ArrayList<>();
    DomainRuns.apply(sections, DOMAINS, 0.05);
    assertThat(sections).isEmpty();
  }
}
