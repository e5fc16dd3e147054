package org.triangulate.scale;

import java.util.Map;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partition request on the wire: a small JSON text, {@code {"stepName": …, "stepExecutionId":
 * …}}, so workers never deserialize Java objects from the broker. Stateless and thread-safe.
 */
final class PartitionRequests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PartitionRequests() {}

  static String encode(StepExecutionRequest request) {
    return JSON.writeValueAsString(
        Map.of("stepName", request.getStepName(), "stepExecutionId", request.getStepExecutionId()));
  }

  static StepExecutionRequest decode(String text) {
    JsonNode json = JSON.readTree(text);
    JsonNode stepName = json.get("stepName");
    JsonNode stepExecutionId = json.get("stepExecutionId");
    if (stepName == null
        || !stepName.isString()
        || stepExecutionId == null
        || !stepExecutionId.canConvertToLong()) {
      throw new IllegalArgumentException("not a partition request: " + text);
    }
    return new StepExecutionRequest(stepName.asString(), stepExecutionId.asLong());
  }
}
