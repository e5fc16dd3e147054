package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.triangulate.stats.ReferenceFixture.Dataset;

/**
 * Ties the reference's demo numbers to the demo as it is: the reference was computed from the
 * current {@code data-in/demo} and {@code config/demo/study.yml}, and the nightly job's readers
 * load from them exactly the answers and groups the reference used. With that, the reference tests
 * (which include the demo as the job reads it) show the demo's statistics equal scipy's.
 */
class DemoStatisticsReferenceTest {

  @Test
  void referenceWasComputedFromTheDemoInputsAsTheyAreNow() {
    assertThat(ReferenceFixture.staleDemoSources())
        .as(
            "demo inputs changed since jobs/src/test/resources/stats/reference.json was written; "
                + "run: python3 jobs/src/test/resources/stats/make_reference.py")
        .isEmpty();
  }

  @Test
  void nightlyJobReadersLoadTheAnswersAndGroupsTheReferenceUsed() {
    // given
    assumeTrue(ReferenceFixture.demoIsCurrent(), "reference.json is stale (see the other test)");
    Dataset reference = ReferenceFixture.dataset("demo");

    // when
    DemoStudyData demo = DemoStudyData.load();

    // then
    assertThat(demo.answers().stream().map(DemoStatisticsReferenceTest::text))
        .containsExactlyInAnyOrderElementsOf(
            reference.answers().stream().map(DemoStatisticsReferenceTest::text).toList());
    assertThat(demo.groups()).isEqualTo(reference.groups());
    assertThat(demo.study().groupings()).isEqualTo(reference.study().groupings());
  }

  private static String text(Answer a) {
    return String.join(
        ",",
        a.participantId(),
        a.itemId(),
        a.happening() == null ? "" : a.happening().code(),
        Objects.toString(a.importance(), ""));
  }
}
