package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.index.TestElasticsearch;

/**
 * One night of the whole demo study (real PostgreSQL, Elasticsearch, CoreNLP and the search
 * server), shared by the checks whose figures need all of it: its de-identification, its synthesis
 * packs, and the nightly job run again and on further nights. Annotating the demo is most of a
 * night's time, so it is done once here rather than once per check.
 *
 * <p>The checks run in the order below: the first two read what this night left, the last runs more
 * nights, which add run reports and rewrite the packs.
 */
@PipelineIntegrationTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DemoNightIT {

  static final PipelineTestSupport SUPPORT = new PipelineTestSupport();
  static final LocalDate NIGHT = LocalDate.of(2026, 11, 26);

  private static RunReport night;
  private static Set<String> nightIds;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SUPPORT.register(registry, PipelineTestSupport.HOME.resolve("data-in"), TestElasticsearch::url);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    SUPPORT.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired ElasticsearchClient elasticsearch;

  @BeforeAll
  void runTheNight() throws Exception {
    night = runner.run(NIGHT);
    night
        .steps()
        .forEach(s -> System.out.println("  step " + s.step() + ": " + s.seconds() + " s"));
    assertThat(night.status()).as("night: %s", night.failure()).isEqualTo("COMPLETED");
    nightIds = IndexedIds.of(elasticsearch, ExtractIndexMapping.alias("demo"));
  }

  /** The report of the night on {@link #NIGHT}, the first on this schema. */
  static RunReport night() {
    return night;
  }

  /** The ids under the demo's alias right after that night. */
  static Set<String> nightIds() {
    return nightIds;
  }

  @Nested
  @Order(1)
  class Deidentification extends DeidentificationChecks {}

  @Nested
  @Order(2)
  class SynthesisPacks extends SynthesisPacksChecks {}

  @Nested
  @Order(3)
  class NightlyJob extends NightlyJobChecks {}
}
