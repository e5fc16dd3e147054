package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.node.EmbeddedElasticsearch;
import org.triangulate.node.EmbeddedElasticsearchSettings;

/**
 * Elasticsearch stopped in the middle of the index step: the run fails, and once the node is back
 * the next run resumes the index step and ends with each segment indexed exactly once. Runs its own
 * node (this test stops it) behind a relay that holds the third bulk request while the node stops.
 */
@PipelineIntegrationTest(properties = "triangulate.index.bulk-documents=20")
class ElasticsearchOutageIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);
  private static EmbeddedElasticsearch node;
  private static HoldingProxy proxy;
  private static CompletableFuture<RunReport> night;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedElasticsearchSettings shared = TestElasticsearch.settings("outage");
    node =
        new EmbeddedElasticsearch(
            new EmbeddedElasticsearchSettings(
                shared.distributionDir(),
                shared.instanceDir(),
                shared.version(),
                freePort(),
                null,
                null,
                null,
                null));
    int port = node.start().port();
    proxy = new HoldingProxy(port, 3);
    support.register(
        registry,
        // three bulks of 500 documents and more
        support.copyDemoSubset(30),
        () -> "http://127.0.0.1:" + proxy.port());
  }

  @AfterAll
  static void cleanUp() throws Exception {
    proxy.close();
    // A night still running holds a cursor in the schema: dropping it would wait on that night.
    if (night != null) {
      try {
        night.get(5, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        // the test has already failed on it, or fails on the clean-up below
      }
    }
    node.stop();
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void failsClearlyWhenElasticsearchStopsMidIndexAndResumesWithoutDuplicates() throws Exception {
    // given a night whose third bulk request is held while the node is stopped
    // (a thread of its own: language detection fans out to the common fork-join pool, which a
    // night running inside that pool would starve on a two-core machine)
    ExecutorService nightRunner = Executors.newSingleThreadExecutor();
    night = CompletableFuture.supplyAsync(this::runNight, nightRunner);
    nightRunner.shutdown();
    assertThat(proxy.holding.await(5, TimeUnit.MINUTES))
        .as("the index step reached its third bulk")
        .isTrue();
    node.stop();
    proxy.release();

    // then the run fails in the index step, saying why
    RunReport failed = night.get(5, TimeUnit.MINUTES);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.steps())
        .filteredOn(s -> s.step().equals("indexExtractsStep"))
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("FAILED"));
    assertThat(failed.failure()).startsWith("indexExtractsStep failed: ");

    // when the node is back and the night runs again
    node.start();
    RunReport resumed = runNight();

    // then it completes, resuming the same job instance rather than starting afresh
    assertThat(resumed.status()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class))
        .isEqualTo(1);
    assertThat(resumed.steps())
        .filteredOn(s -> s.step().startsWith("ingest"))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("COMPLETED"));
    // and the index holds each stored segment exactly once
    List<String> segmentIds =
        jdbc.queryForList("select segment_id from segment where study = 'demo'", String.class);
    assertThat(indexedIds())
        .hasSize(segmentIds.size())
        .containsExactlyInAnyOrderElementsOf(segmentIds);
  }

  private RunReport runNight() {
    try {
      return runner.run(NIGHT);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Set<String> indexedIds() throws Exception {
    return IndexedIds.of(elasticsearch, ExtractIndexMapping.alias("demo"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
