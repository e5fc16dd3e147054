package org.triangulate.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a node for its cluster health over plain HTTP. {@code GET /} answers 405 on the embedded
 * distribution, and the Elasticsearch client would drag in its own threads, so neither serves as a
 * liveness probe here. Thread-safe.
 */
final class ClusterHealth {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * The cluster's status when it is yellow or green, empty when the node is down, red or not
   * answering.
   */
  Optional<String> usableStatus(URI baseUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(
                baseUrl.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      String status = JSON.readTree(response.body()).path("status").asString();
      return status.equals("yellow") || status.equals("green")
          ? Optional.of(status)
          : Optional.empty();
    } catch (IOException | JacksonException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
