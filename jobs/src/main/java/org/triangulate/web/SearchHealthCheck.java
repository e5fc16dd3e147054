package org.triangulate.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.study.Study;

/**
 * Whether the search can answer: the cluster's health (the embedded distribution answers {@code GET
 * /} with 405, so cluster health is the probe) and whether the extracts alias exists. Thread-safe.
 */
@Component
public class SearchHealthCheck {

  /** What {@code /api/health} answers. {@code status} is green, yellow, red or unreachable. */
  public record SearchHealth(
      String status, String cluster, int nodes, String index, boolean indexExists, String message) {

    public boolean canSearch() {
      return indexExists && (status.equals("green") || status.equals("yellow"));
    }
  }

  private final ElasticsearchClient client;
  private final String alias;

  public SearchHealthCheck(ElasticsearchClient client, Study study) {
    this.client = client;
    this.alias = ExtractIndexMapping.alias(study.name());
  }

  public SearchHealth check() {
    try {
      HealthResponse health = client.cluster().health(h -> h);
      boolean indexExists = client.indices().existsAlias(a -> a.name(alias)).value();
      String message =
          indexExists ? "ok" : "no index behind '" + alias + "' yet: run the nightly job once";
      if (health.status() == HealthStatus.Red) {
        message = "the cluster is red: some data is unavailable";
      }
      return new SearchHealth(
          health.status().jsonValue(),
          health.clusterName(),
          health.numberOfNodes(),
          alias,
          indexExists,
          message);
    } catch (IOException | ElasticsearchException e) {
      return new SearchHealth(
          "unreachable",
          null,
          0,
          alias,
          false,
          "Elasticsearch is not reachable: " + e.getMessage());
    }
  }
}
