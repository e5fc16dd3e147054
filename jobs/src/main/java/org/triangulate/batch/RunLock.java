package org.triangulate.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One nightly run per study at a time, across processes and hosts that share the store: a row in
 * {@code run_lock} names the owner (host, pid) and its execution, and a heartbeat keeps it fresh. A
 * lock whose owner is a dead process on this host, or whose heartbeat is older than the stale
 * limit, is taken over, with a compare-and-delete so two contenders cannot both win. Thread-safe.
 */
public class RunLock {

  private static final Logger log = LoggerFactory.getLogger(RunLock.class);

  private final JdbcTemplate jdbc;
  private final Duration staleAfter;
  private final String host = hostName();
  private final long pid = ProcessHandle.current().pid();
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-lock-heartbeat");
        t.setDaemon(true);
        return t;
      });

  public RunLock(JdbcTemplate jdbc, Duration staleAfter) {
    this.jdbc = jdbc;
    this.staleAfter = staleAfter;
  }

  /** A held lock; closing it releases the row and stops the heartbeat. */
  public final class Held implements AutoCloseable {
    private final String study;
    private final ScheduledFuture<?> heartbeat;

    private Held(String study) {
      this.study = study;
      long period = Math.max(1, staleAfter.toSeconds() / 4);
      this.heartbeat =
          heartbeats.scheduleAtFixedRate(() -> beat(study), period, period, TimeUnit.SECONDS);
    }

    /** Names the execution the lock protects, for the message a refused run prints. */
    void attach(long jobExecutionId) {
      jdbc.update(
          "update run_lock set job_execution_id = ? where study = ? and owner_host = ? and owner_pid = ?",
          jobExecutionId,
          study,
          host,
          pid);
    }

    @Override
    public void close() {
      held.remove(study, this);
      heartbeat.cancel(false);
      jdbc.update(
          "delete from run_lock where study = ? and owner_host = ? and owner_pid = ?",
          study,
          host,
          pid);
    }
  }

  /** The row of a lock, as another process sees it. */
  record Owner(
      String host, long pid, Long jobExecutionId, Instant acquiredAt, Instant heartbeatAt) {}

  /**
   * Takes the study's lock, or throws {@link RunLockedException} naming the run that holds it. A
   * stale lock is released first (and logged).
   */
  public Held acquire(String study) {
    if (tryInsert(study)) {
      return hold(study);
    }
    Owner owner = owner(study);
    if (owner != null && isStale(owner)) {
      int released =
          jdbc.update(
              "delete from run_lock where study = ? and owner_host = ? and owner_pid = ? and heartbeat_at = ?",
              study,
              owner.host(),
              owner.pid(),
              Timestamp.from(owner.heartbeatAt()));
      if (released == 1) {
        log.warn(
            "Released the stale run lock of study {} held by {} pid {} (execution {}, last heartbeat {})",
            study,
            owner.host(),
            owner.pid(),
            owner.jobExecutionId(),
            owner.heartbeatAt());
      }
      if (tryInsert(study)) {
        return hold(study);
      }
      owner = owner(study);
    }
    throw new RunLockedException(study, owner);
  }

  /**
   * Records which execution runs under this process's lock of the study (called as the job starts).
   */
  public void attach(String study, long jobExecutionId) {
    Held lock = held.get(study);
    if (lock != null) {
      lock.attach(jobExecutionId);
    }
  }

  /** A job listener that names each starting execution in its study's lock. */
  public JobExecutionListener attachingListener() {
    return new JobExecutionListener() {
      @Override
      public void beforeJob(JobExecution execution) {
        attach(
            execution.getJobParameters().getString(NightlyJobParameters.STUDY), execution.getId());
      }
    };
  }

  private Held hold(String study) {
    Held lock = new Held(study);
    held.put(study, lock);
    return lock;
  }

  Owner owner(String study) {
    List<Owner> rows =
        jdbc.query(
            "select owner_host, owner_pid, job_execution_id, acquired_at, heartbeat_at from run_lock where study = ?",
            (rs, i) ->
                new Owner(
                    rs.getString(1),
                    rs.getLong(2),
                    (Long) rs.getObject(3, Long.class),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5).toInstant()),
            study);
    return rows.isEmpty() ? null : rows.getFirst();
  }

  private boolean isStale(Owner owner) {
    if (owner.host().equals(host)) {
      // On this host we can ask the OS: a dead owner cannot be running anything.
      return ProcessHandle.of(owner.pid()).map(p -> !p.isAlive()).orElse(true);
    }
    return owner.heartbeatAt().isBefore(Instant.now().minus(staleAfter));
  }

  private boolean tryInsert(String study) {
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.update(
          "insert into run_lock (study, owner_host, owner_pid, acquired_at, heartbeat_at) values (?, ?, ?, ?, ?)",
          study,
          host,
          pid,
          now,
          now);
      return true;
    } catch (DataIntegrityViolationException taken) {
      return false;
    }
  }

  private void beat(String study) {
    try {
      jdbc.update(
          "update run_lock set heartbeat_at = ? where study = ? and owner_host = ? and owner_pid = ?",
          Timestamp.from(Instant.now()),
          study,
          host,
          pid);
    } catch (RuntimeException e) {
      log.warn("Could not refresh the run lock of study {}: {}", study, e.getMessage());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
