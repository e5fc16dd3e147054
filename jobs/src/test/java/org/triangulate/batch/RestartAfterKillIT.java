package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.index.TestElasticsearch;

/**
 * A run killed with SIGKILL while annotating is resumed by the next run: the annotate step picks up
 * where it stopped, earlier steps are not repeated, and every input is accounted for.
 */
@PipelineIntegrationTest
class RestartAfterKillIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final LocalDate NIGHT = LocalDate.of(2026, 2, 1);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, support.copyDemoSubset(30), () -> TestElasticsearch.url());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void resumesAKilledRunFromTheAnnotateStepWithoutRepeatingFinishedWork() throws Exception {
    // given a run in another JVM, killed with SIGKILL once it has annotated some transcripts
    long transcripts = jdbcCount("select count(*) from source where study = 'demo'");
    Process night = startRunInAnotherJvm();
    try {
      awaitAnnotationUnderway(night);
    } finally {
      night.destroyForcibly().waitFor();
    }
    long annotatedBeforeKill =
        jdbcCount("select count(*) from source where study = 'demo' and annotated_sha256 = sha256");
    String leftBehind =
        jdbc.queryForObject(
            "select status from batch_job_execution order by job_execution_id desc limit 1",
            String.class);
    assertThat(leftBehind).as("the killed run never recorded its end").isEqualTo("STARTED");

    // when the next run of the same night starts
    long started = System.nanoTime();
    RunReport resumed = runner.run(NIGHT);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then it resumes the same job instance and completes
    assertThat(resumed.status()).isEqualTo("COMPLETED");
    assertThat(jdbcCount("select count(*) from batch_job_instance")).isEqualTo(1);
    // and annotated only what the killed run had not finished
    long total = jdbcCount("select count(*) from source where study = 'demo'");
    long annotatedOnResume =
        resumed.steps().stream()
            .filter(s -> s.step().equals("annotateTranscriptsStep"))
            .mapToLong(RunReport.StepLine::written)
            .sum();
    assertThat(annotatedOnResume).isEqualTo(total - annotatedBeforeKill);
    assertThat(
            jdbcCount(
                "select count(*) from source where study = 'demo' and annotated_sha256 = sha256"))
        .isEqualTo(total);
    // and every input is accounted for, including the steps only the killed attempt ran
    assertThat(resumed.inputs())
        .extracting(RunReport.InputLine::file)
        .contains("cases.csv", "participants.csv", "responses.csv", "transcripts/");
    assertThat(resumed.inputs())
        .allSatisfy(in -> assertThat(in.read()).isEqualTo(in.loaded() + in.quarantined()));
    // and the index holds each of the store's segments exactly once, and nothing else
    List<String> stored =
        jdbc.queryForList("select segment_id from segment where study = 'demo'", String.class);
    assertThat(stored).isNotEmpty();
    Set<String> indexed = IndexedIds.of(elasticsearch, ExtractIndexMapping.alias("demo"));
    assertThat(indexed).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(elasticsearch.count(c -> c.index(ExtractIndexMapping.alias("demo"))).count())
        .isEqualTo(stored.size());
    System.out.printf(
        "restart after SIGKILL: %d of %d transcripts annotated before the kill; resumed run took %d ms%n",
        annotatedBeforeKill, transcripts == 0 ? total : transcripts, took.toMillis());
  }

  private Process startRunInAnotherJvm() throws Exception {
    return support.startTriangulate(
        "killed-run",
        "run",
        "--study",
        "demo",
        "--date",
        NIGHT.toString(),
        // One thread, so the kill lands part-way through the transcripts.
        "--set",
        "triangulate.run.annotate-threads=1");
  }

  private void awaitAnnotationUnderway(Process night) throws InterruptedException {
    for (int i = 0; i < 2400 && night.isAlive(); i++) {
      if (tableExists()
          && jdbcCount(
                  "select count(*) from source where study = 'demo' and annotated_sha256 = sha256")
              >= 2) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the run in the other JVM never got into annotation (see "
            + support.out
            + "/killed-run.out)");
  }

  private boolean tableExists() {
    return jdbcCount(
            "select count(*) from information_schema.tables where table_schema = '"
                + support.schema
                + "' and table_name = 'source'")
        == 1;
  }

  private long jdbcCount(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
