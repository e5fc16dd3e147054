package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.TestElasticsearch;

/** One run per study at a time, on the real PostgreSQL repository shared by every process. */
@PipelineIntegrationTest
class RunLockIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, support.copyDemoSubset(8), () -> TestElasticsearch.url());
    registry.add("triangulate.run.lock-stale-after", () -> "30s");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void noLockLeftBehind() {
    assertThat(jdbc.queryForObject("select count(*) from run_lock", Integer.class)).isZero();
  }

  @Test
  void refusesASecondRunWhileTheFirstRunsAndNamesTheRunningExecution() throws Exception {
    // given a night running in another thread, holding the study's lock
    // (a thread of its own: language detection fans out to the common fork-join pool, which a
    // night running inside that pool would starve on a two-core machine)
    ExecutorService firstRunner = Executors.newSingleThreadExecutor();
    CompletableFuture<RunReport> first =
        CompletableFuture.supplyAsync(() -> runQuietly(LocalDate.of(2026, 1, 1)), firstRunner);
    firstRunner.shutdown();
    awaitLockWithExecution();
    long running = jdbc.queryForObject("select job_execution_id from run_lock", Long.class);

    // when a second run of the study starts, for another date even
    // then it is refused without waiting for the lock, naming the running execution
    long executionsBefore = jobExecutions();
    assertThatThrownBy(() -> runner.run(LocalDate.of(2026, 1, 2)))
        .isInstanceOf(RunLockedException.class)
        .hasMessageContaining("already being run by execution " + running);
    assertThat(first).as("the refusal came while the first run still held the lock").isNotDone();
    assertThat(jdbc.queryForObject("select job_execution_id from run_lock", Long.class))
        .isEqualTo(running);
    // and the refused run started no job execution of its own
    assertThat(jobExecutions()).isEqualTo(executionsBefore);
    // and the first completes undisturbed
    assertThat(first.get(5, TimeUnit.MINUTES).status()).isEqualTo("COMPLETED");
  }

  @Test
  void takesOverALockWhoseOwnerProcessOnThisHostIsDead() throws Exception {
    // given a lock row left by a process of this host that no longer exists
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    insertLock(java.net.InetAddress.getLocalHost().getHostName(), gone.pid(), Instant.now());

    // when the night runs, then it runs, and its lock is released afterwards
    assertThat(runner.run(LocalDate.of(2026, 1, 3)).status()).isEqualTo("COMPLETED");
  }

  @Test
  void respectsALiveLockFromAnotherHostUntilItsHeartbeatGoesStale() throws Exception {
    // given another host's lock with a fresh heartbeat
    insertLock("another-host.example", 4242, Instant.now());

    // then a run here is refused
    assertThatThrownBy(() -> runner.run(LocalDate.of(2026, 1, 4)))
        .isInstanceOf(RunLockedException.class)
        .hasMessageContaining("another-host.example");

    // when its heartbeat is older than the stale limit (30 s here), then the lock is taken over
    jdbc.update(
        "update run_lock set heartbeat_at = ?", Timestamp.from(Instant.now().minusSeconds(60)));
    assertThat(runner.run(LocalDate.of(2026, 1, 4)).status()).isEqualTo("COMPLETED");
  }

  private long jobExecutions() {
    return jdbc.queryForObject("select count(*) from batch_job_execution", Long.class);
  }

  private RunReport runQuietly(LocalDate night) {
    try {
      return runner.run(night);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitLockWithExecution() throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Integer held =
          jdbc.queryForObject(
              "select count(*) from run_lock where job_execution_id is not null", Integer.class);
      if (held != null && held == 1) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the first run never took the lock");
  }

  private void insertLock(String host, long pid, Instant heartbeat) {
    jdbc.update(
        "insert into run_lock (study, owner_host, owner_pid, job_execution_id, acquired_at, heartbeat_at) values ('demo', ?, ?, 999, ?, ?)",
        host,
        pid,
        Timestamp.from(heartbeat),
        Timestamp.from(heartbeat));
  }
}
