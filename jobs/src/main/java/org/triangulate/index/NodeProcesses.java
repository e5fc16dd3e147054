package org.triangulate.index;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Signals a node's server process, which is not this JVM's child. Stateless. */
final class NodeProcesses {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private NodeProcesses() {}

  /** After a reboot a PID file may name an unrelated process, which must never be signalled. */
  static boolean isElasticsearch(ProcessHandle process) {
    return process
        .info()
        .commandLine()
        .map(line -> line.contains("org.elasticsearch"))
        .orElse(true);
  }

  /**
   * SIGTERM, so the node flushes and releases its data directory; SIGKILL if it hangs past the
   * grace period.
   */
  static void terminate(ProcessHandle process) {
    process.destroy();
    if (!exited(process, STOP_GRACE)) {
      process.destroyForcibly();
      if (!exited(process, KILL_GRACE)) {
        throw new IllegalStateException(
            "Elasticsearch process " + process.pid() + " survived SIGKILL");
      }
    }
  }

  private static boolean exited(ProcessHandle process, Duration grace) {
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
