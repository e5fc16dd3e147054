package org.triangulate.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.study.Study;

/**
 * The {@code extracts} component of {@code /actuator/health}: up when the study's extracts alias
 * exists, out of service before the first night has indexed anything (the search would only say
 * so), down when Elasticsearch does not answer. Elasticsearch's own component reports the cluster.
 * Thread-safe.
 */
@Component
class ExtractsHealthIndicator extends AbstractHealthIndicator {

  private final ElasticsearchClient client;
  private final String alias;

  ExtractsHealthIndicator(ElasticsearchClient client, Study study) {
    super("Elasticsearch did not answer whether the extracts index exists");
    this.client = client;
    this.alias = ExtractIndexMapping.alias(study.name());
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    health.withDetail("alias", alias);
    if (client.indices().existsAlias(a -> a.name(alias)).value()) {
      health.up();
    } else {
      health
          .outOfService()
          .withDetail("message", "no index behind '" + alias + "' yet: run the nightly job once");
    }
  }
}
