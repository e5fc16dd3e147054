package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ExtractTargetTest {

  @Test
  void theStepsAfterThePlanReadTheTargetThePlanWrote() {
    ExecutionContext job = new ExecutionContext();
    ExtractTarget changed =
        new ExtractTarget("demo-extracts-1", true, Optional.of(List.of("P001-a", "P002-b")));

    changed.putInto(job);

    assertThat(ExtractTarget.of(job)).isEqualTo(changed);
  }

  @Test
  void everySourceAndNoSourceAreToldApart() {
    ExecutionContext every = new ExecutionContext();
    ExecutionContext none = new ExecutionContext();

    new ExtractTarget("i", false, Optional.empty()).putInto(every);
    new ExtractTarget("i", true, Optional.of(List.of())).putInto(none);

    assertThat(ExtractTarget.of(every).sources()).isEmpty();
    assertThat(ExtractTarget.of(none).sources()).contains(List.of());
    assertThat(ExtractTarget.of(every).incremental()).isFalse();
  }
}
