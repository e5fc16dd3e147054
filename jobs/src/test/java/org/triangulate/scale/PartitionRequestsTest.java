package org.triangulate.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class PartitionRequestsTest {

  @Test
  void aRequestSurvivesTheWireAsJsonText() {
    String wire = PartitionRequests.encode(new StepExecutionRequest("annotateWorker", 4711L));

    assertThat(wire)
        .contains("\"stepExecutionId\":4711")
        .contains("\"stepName\":\"annotateWorker\"");
    StepExecutionRequest back = PartitionRequests.decode(wire);
    assertThat(back.getStepName()).isEqualTo("annotateWorker");
    assertThat(back.getStepExecutionId()).isEqualTo(4711L);
  }

  @Test
  void refusesTextThatIsNotARequest() {
    assertThatThrownBy(() -> PartitionRequests.decode("{\"stepName\":\"x\"}"))
        .hasMessageContaining("not a partition request");
  }
}
