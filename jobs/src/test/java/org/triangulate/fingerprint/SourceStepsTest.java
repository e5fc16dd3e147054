package org.triangulate.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceStepsTest {

  private final StoreFixture store = new StoreFixture();
  private final SourceSteps steps = new SourceSteps(store.jdbc);

  @Test
  void givenSourcesDone_whenOneIsAnnotatedAnew_thenOnlyItIsPending() {
    // given
    store.source("A", "a1", "nlp");
    store.source("B", "b1", "nlp");
    SourceSteps.Plan first =
        steps.plan("demo", "deidentify", "config", List.of(SourceSteps.ANNOTATE));
    assertThat(first.pending()).containsExactly("A", "B");
    first.pending().forEach(s -> steps.done("demo", first, s, "out-" + s));
    assertThat(steps.plan("demo", "deidentify", "config", List.of(SourceSteps.ANNOTATE)).pending())
        .isEmpty();

    // when
    store.source("B", "b2", "nlp");

    // then
    assertThat(steps.plan("demo", "deidentify", "config", List.of(SourceSteps.ANNOTATE)).pending())
        .containsExactly("B");
  }

  @Test
  void givenSourcesDone_whenTheSettingsChange_thenEverySourceIsPending() {
    store.source("A", "a1", "nlp");
    store.source("B", "b1", "nlp");
    SourceSteps.Plan first =
        steps.plan("demo", "code", "codebook 1", List.of(SourceSteps.ANNOTATE));
    first.pending().forEach(s -> steps.done("demo", first, s, "out"));

    SourceSteps.Plan changed =
        steps.plan("demo", "code", "codebook 2", List.of(SourceSteps.ANNOTATE));

    assertThat(changed.pending()).containsExactly("A", "B");
    assertThat(changed.everything()).isTrue();
  }

  @Test
  void givenAStepReadingAnother_whenTheOtherWritesSomethingElseForASource_thenOnlyThatIsPending() {
    // given de-identification and indexing done for both sources
    store.source("A", "a1", "nlp");
    store.source("B", "b1", "nlp");
    SourceSteps.Plan deidentify =
        steps.plan("demo", "deidentify", "s", List.of(SourceSteps.ANNOTATE));
    deidentify.pending().forEach(s -> steps.done("demo", deidentify, s, "text-" + s));
    SourceSteps.Plan index = steps.plan("demo", "index", "s", List.of("deidentify"));
    index.pending().forEach(s -> steps.done("demo", index, s, ""));

    // when A is de-identified again with the same result, and B with another
    SourceSteps.Plan again = deidentify.with(java.util.Set.of("A", "B"));
    steps.done("demo", again, "A", "text-A");
    steps.done("demo", again, "B", "text-B, a name replaced");

    // then
    assertThat(steps.plan("demo", "index", "s", List.of("deidentify")).pending())
        .containsExactly("B");
  }

  @Test
  void givenASourceRemoved_thenItIsListedAsRemovedUntilForgotten() {
    store.source("A", "a1", "nlp");
    store.source("B", "b1", "nlp");
    SourceSteps.Plan index = steps.plan("demo", "index", "s", List.of(SourceSteps.ANNOTATE));
    index.pending().forEach(s -> steps.done("demo", index, s, ""));

    store.jdbc.update("delete from source where study = 'demo' and source_id = 'B'");

    assertThat(steps.removed("demo", "index")).containsExactly("B");
    assertThat(steps.plan("demo", "index", "s", List.of(SourceSteps.ANNOTATE)).sources())
        .containsExactly("A");
    steps.forgetRemoved("demo", "index");
    assertThat(steps.removed("demo", "index")).isEmpty();
  }
}
