package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.index.TestElasticsearch;

/**
 * Remote-partitioned annotation with real processes: a manager JVM ({@code run} with {@code
 * triangulate.scale.mode=remote}) and worker JVMs ({@code worker}) over the real RabbitMQ, sharing
 * a PostgreSQL schema, give the same segments, lemmas and index documents as a local run of the
 * same inputs in this JVM; a worker killed with SIGKILL mid-partition has its partition redone by
 * another worker in the same run or, when no worker is left, leaves the manager to fail on its
 * timeout naming the open partitions, after which the resumed night completes; either way nothing
 * is duplicated or missing. The inputs are the demo's first 12 transcripts without its REFI-QDA
 * project, and the study's packs its study-wide one, to keep the time down: each scenario runs a
 * whole night in its manager.
 */
@PipelineIntegrationTest(
    properties = {
      // Each run builds its own index, so the alias counts that run's documents only.
      "triangulate.index.incremental=false"
    })
class RemoteAnnotationIT {

  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);
  private static final int TRANSCRIPTS = 12;
  private static final String WORKER_STEP = "annotateTranscriptsWorkerStep";
  private static final String ALIGN_WORKER_STEP = "alignItemsWorkerStep";
  private static final int ALIGN_PARTITION_SIZE = 5;
  private static final String QUEUE_PREFIX =
      "issue-11-" + UUID.randomUUID().toString().substring(0, 8);
  private static final PipelineTestSupport local = new PipelineTestSupport();
  private static final Path IN = local.copyDemoSubset(TRANSCRIPTS);
  private static final Path CONFIG = configWithOnePack();
  private static final List<PipelineTestSupport> remotes = new ArrayList<>();
  private static final List<Process> processes = new ArrayList<>();
  private static final List<String> queues = new ArrayList<>();
  private static Snapshot localRun;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    local.register(registry, IN, () -> TestElasticsearch.url());
    registry.add("triangulate.config-dir", CONFIG::toString);
  }

  /**
   * The demo's configuration with its study-wide pack only: the ten per-case packs would take most
   * of each night and hold none of what is compared here.
   */
  private static Path configWithOnePack() {
    try {
      Path config = local.in.resolve("config");
      Path demo = config.resolve("demo");
      Files.createDirectories(demo);
      try (Stream<Path> files = Files.list(PipelineTestSupport.HOME.resolve("config/demo"))) {
        for (Path file : files.toList()) {
          Files.copy(file, demo.resolve(file.getFileName()));
        }
      }
      String design = Files.readString(demo.resolve("study.yml"));
      int perCase = design.indexOf("  - id: case-feedback");
      assertThat(perCase).as("the demo's per-case pack in study.yml").isPositive();
      Files.writeString(demo.resolve("study.yml"), design.substring(0, perCase));
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    processes.forEach(Process::destroyForcibly);
    CachingConnectionFactory rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
    try {
      RabbitAdmin admin = new RabbitAdmin(rabbit);
      queues.forEach(admin::deleteQueue);
    } finally {
      rabbit.destroy();
    }
    local.dropSchema();
    for (PipelineTestSupport remote : remotes) {
      remote.dropSchema();
    }
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void aManagerAndTwoWorkerJvmsAnnotateAndAlignExactlyAsALocalRunDoes() throws Exception {
    // given the inputs' segments and index documents from a local run
    Snapshot expected = localRun();
    // and two worker processes reading the study's queue
    PipelineTestSupport remote = remoteStore();
    String prefix = QUEUE_PREFIX + "-pair";
    Process workerA = startWorker(remote, "worker-a", prefix);
    Process workerB = startWorker(remote, "worker-b", prefix);
    awaitReady(remote, "worker-a", workerA);
    awaitReady(remote, "worker-b", workerB);

    // when a manager runs the night in remote mode, 3 transcripts a partition
    Process manager = startManager(remote, "manager", prefix, "3", "20m");
    int exit = awaitExit(manager);

    // then the night completes
    assertThat(exit).as(Files.readString(remote.console("manager"))).isZero();
    // and both workers annotated partitions of it
    assertThat(partitionsAnnotatedBy(remote, "worker-a")).isPositive();
    assertThat(partitionsAnnotatedBy(remote, "worker-b")).isPositive();
    assertThat(
            count(
                "select count(*) from "
                    + remote.schema
                    + ".batch_step_execution where step_name like '"
                    + WORKER_STEP
                    + ":%' and status = 'COMPLETED'"))
        .isEqualTo((sources() + 2) / 3);
    // and the workers aligned the sources, 5 a partition, each partition once
    assertThat(
            count(
                "select count(*) from "
                    + remote.schema
                    + ".batch_step_execution where step_name like '"
                    + ALIGN_WORKER_STEP
                    + ":%' and status = 'COMPLETED'"))
        .isEqualTo((sources() + ALIGN_PARTITION_SIZE - 1) / ALIGN_PARTITION_SIZE);
    assertThat(
            partitionsRunBy(remote, "worker-a", ALIGN_WORKER_STEP)
                + partitionsRunBy(remote, "worker-b", ALIGN_WORKER_STEP))
        .as("alignment partitions the workers ran")
        .isEqualTo((sources() + ALIGN_PARTITION_SIZE - 1) / ALIGN_PARTITION_SIZE);
    // and the store and index hold what the local run made: same segments, same lemmas, same
    // alignments
    assertThat(snapshot(remote.schema)).isEqualTo(expected);
  }

  @Test
  void aWorkerKilledMidPartitionIsRedoneWhenTheNightResumesWithNothingDuplicatedOrMissing()
      throws Exception {
    // given the inputs' segments and index documents from a local run
    Snapshot expected = localRun();
    // and one worker, killed with SIGKILL once it has annotated a transcript of its partition
    PipelineTestSupport remote = remoteStore();
    String prefix = QUEUE_PREFIX + "-kill";
    Process workerA = startWorker(remote, "worker-a", prefix);
    awaitReady(remote, "worker-a", workerA);
    Process manager = startManager(remote, "manager", prefix, "8", "2m");
    awaitAnnotated(remote, 1, manager);
    workerA.destroyForcibly().waitFor();
    assertThat(
            count(
                "select count(*) from "
                    + remote.schema
                    + ".batch_step_execution where step_name like '"
                    + WORKER_STEP
                    + ":%' and status = 'STARTED'"))
        .as("the killed worker left its partition running")
        .isEqualTo(1);
    long annotatedBeforeKill = annotated(remote);
    assertThat(annotatedBeforeKill).isLessThan(sources());

    // when no worker answers, the manager fails the step on its timeout
    assertThat(awaitExit(manager)).isEqualTo(1);
    // then naming the timeout and every partition left open
    List<String> open =
        jdbc.queryForList(
            "select substring(step_name from position(':' in step_name) + 1) from "
                + remote.schema
                + ".batch_step_execution where step_name like '"
                + WORKER_STEP
                + ":%' and status = 'FAILED' order by step_name",
            String.class);
    assertThat(open).isNotEmpty();
    assertThat(Files.readString(remote.console("manager")))
        .contains("FAILED")
        .contains("within triangulate.scale.timeout=PT2M")
        .contains(open);

    // when a worker starts again and the night is run again
    Process workerB = startWorker(remote, "worker-b", prefix);
    awaitReady(remote, "worker-b", workerB);
    Process resumed = startManager(remote, "manager-resumed", prefix, "8", "20m");
    int exit = awaitExit(resumed);

    // then the night completes, re-running the killed partition and those never taken
    assertThat(exit).as(Files.readString(remote.console("manager-resumed"))).isZero();
    List<String> rerun =
        jdbc.queryForList(
            "select substring(s.step_name from position(':' in s.step_name) + 1) from "
                + remote.schema
                + ".batch_step_execution s where s.step_name like '"
                + WORKER_STEP
                + ":%' and s.status = 'COMPLETED' and s.job_execution_id = (select max(job_execution_id) from "
                + remote.schema
                + ".batch_job_execution) order by s.step_name",
            String.class);
    assertThat(rerun).containsExactlyElementsOf(open);
    // and the store and index hold exactly what the local run made: nothing duplicated or missing
    assertThat(snapshot(remote.schema)).isEqualTo(expected);
    System.out.printf(
        "remote restart after SIGKILL: %d of %d sources annotated before the kill; re-run partitions %s%n",
        annotatedBeforeKill, sources(), rerun);
  }

  @Test
  void theBrokerHandsAKilledWorkersPartitionToAnotherWorkerWithinTheSameRun() throws Exception {
    // given the inputs' segments and index documents from a local run
    Snapshot expected = localRun();
    // and a worker killed with SIGKILL once it has annotated a transcript of its partition
    PipelineTestSupport remote = remoteStore();
    String prefix = QUEUE_PREFIX + "-handover";
    Process workerA = startWorker(remote, "worker-a", prefix);
    awaitReady(remote, "worker-a", workerA);
    Process manager = startManager(remote, "manager", prefix, "8", "20m");
    awaitAnnotated(remote, 1, manager);
    workerA.destroyForcibly().waitFor();
    long annotatedBeforeKill = annotated(remote);

    // when another worker starts while the manager still waits
    Process workerB = startWorker(remote, "worker-b", prefix);
    awaitReady(remote, "worker-b", workerB);
    int exit = awaitExit(manager);

    // then the same run completes: the broker redelivered the killed worker's partition
    assertThat(exit).as(Files.readString(remote.console("manager"))).isZero();
    assertThat(count("select count(*) from " + remote.schema + ".batch_job_execution"))
        .isEqualTo(1);
    assertThat(Files.readString(remote.out.resolve("worker-b.log")))
        .contains("again after a lost worker");
    // and the store and index hold exactly what the local run made: nothing duplicated or missing
    assertThat(snapshot(remote.schema)).isEqualTo(expected);
    System.out.printf(
        "remote hand-over after SIGKILL: %d of %d sources annotated before the kill%n",
        annotatedBeforeKill, sources());
  }

  /**
   * Segments (with their lemmas) and the index's documents (every field but the run id, by document
   * id) after a run.
   */
  record Snapshot(
      List<Map<String, Object>> segments,
      List<Map<String, Object>> alignments,
      Map<String, Map<String, Object>> indexed) {}

  private synchronized Snapshot localRun() throws Exception {
    if (localRun == null) {
      RunReport report = runner.run(NIGHT);
      assertThat(report.status()).as(report.toText()).isEqualTo("COMPLETED");
      localRun = snapshot(local.schema);
      assertThat(localRun.segments()).hasSizeGreaterThan(TRANSCRIPTS);
      assertThat(localRun.indexed()).hasSize(localRun.segments().size());
      assertThat(localRun.alignments()).isNotEmpty();
    }
    return localRun;
  }

  private Snapshot snapshot(String schema) throws IOException {
    List<Map<String, Object>> segments =
        jdbc.queryForList(
            "select segment_id, source_id, participant_id, turn_index, speaker_role, start_offset,"
                + " end_offset, sentence_count, body, lemmas from "
                + schema
                + ".segment where study = 'demo' order by segment_id");
    // Scores to 6 decimals: the vectors are the model's either way, the sums may round apart.
    List<Map<String, Object>> alignments =
        jdbc.queryForList(
            "select segment_id, item_id, round(cast(score as numeric), 6) as score, provenance from "
                + schema
                + ".item_alignment where study = 'demo' order by segment_id, item_id");
    var indexed = IndexedIds.documents(elasticsearch, ExtractIndexMapping.alias("demo"));
    // Each store draws its own random source-id suffixes, and each run has its id: the documents
    // are compared without those (and the fingerprint made of them).
    indexed
        .values()
        .forEach(
            document -> document.keySet().removeAll(Set.of("sourceFile", "runId", "fingerprint")));
    return new Snapshot(segments, alignments, indexed);
  }

  private static PipelineTestSupport remoteStore() {
    PipelineTestSupport remote = new PipelineTestSupport();
    remotes.add(remote);
    return remote;
  }

  private static Process startWorker(PipelineTestSupport remote, String name, String prefix)
      throws IOException {
    queues.add(prefix + ".demo.annotate");
    return started(
        remote.startTriangulate(
            name,
            "worker",
            "--study",
            "demo",
            "--concurrency",
            "1",
            "--set",
            "triangulate.data-in=" + IN,
            "--set",
            "triangulate.config-dir=" + CONFIG,
            "--set",
            "triangulate.scale.queue-prefix=" + prefix));
  }

  private static Process startManager(
      PipelineTestSupport remote, String name, String prefix, String partitionSize, String timeout)
      throws IOException {
    return started(
        remote.startTriangulate(
            name,
            "run",
            "--study",
            "demo",
            "--date",
            NIGHT.toString(),
            "--set",
            "triangulate.data-in=" + IN,
            "--set",
            "triangulate.config-dir=" + CONFIG,
            "--set",
            "triangulate.index.incremental=false",
            "--set",
            "triangulate.scale.mode=remote",
            "--set",
            "triangulate.scale.queue-prefix=" + prefix,
            "--set",
            "triangulate.scale.partition-size=" + partitionSize,
            "--set",
            "triangulate.scale.align-partition-size=" + ALIGN_PARTITION_SIZE,
            "--set",
            "triangulate.scale.timeout=" + timeout,
            "--set",
            "triangulate.scale.poll-interval=1s"));
  }

  private static Process started(Process process) {
    processes.add(process);
    return process;
  }

  private static void awaitReady(PipelineTestSupport remote, String name, Process worker)
      throws Exception {
    for (int i = 0; i < 1200 && worker.isAlive(); i++) {
      if (Files.exists(remote.console(name))
          && Files.readString(remote.console(name)).contains("Worker for study demo")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " never got ready: " + Files.readString(remote.console(name)));
  }

  private static int awaitExit(Process process) throws InterruptedException {
    assertThat(process.waitFor(25, TimeUnit.MINUTES)).as("the manager finished").isTrue();
    return process.exitValue();
  }

  private void awaitAnnotated(PipelineTestSupport remote, long transcripts, Process manager)
      throws Exception {
    for (int i = 0; i < 4800 && manager.isAlive(); i++) {
      if (annotated(remote) >= transcripts) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no transcript got annotated: " + Files.readString(remote.console("manager")));
  }

  private long annotated(PipelineTestSupport remote) {
    if (count(
            "select count(*) from information_schema.tables where table_schema = '"
                + remote.schema
                + "' and table_name = 'source'")
        == 0) {
      return 0;
    }
    return count(
        "select count(*) from "
            + remote.schema
            + ".source where study = 'demo' and annotated_sha256 = sha256");
  }

  private static long partitionsAnnotatedBy(PipelineTestSupport remote, String worker)
      throws IOException {
    return partitionsRunBy(remote, worker, WORKER_STEP);
  }

  private static long partitionsRunBy(PipelineTestSupport remote, String worker, String step)
      throws IOException {
    Path log = remote.out.resolve(worker + ".log");
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains("Running " + step + ":partition")).count();
    }
  }

  /** Transcripts and REFI-QDA texts staged as sources: what the annotate step annotates. */
  private long sources() {
    return count("select count(*) from " + local.schema + ".source where study = 'demo'");
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
