package org.triangulate.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Signals a node's server process, which is not this JVM's child. Stateless. */
final class NodeProcesses {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  // SIGKILL takes effect only once the process leaves the kernel: a node blocked in disk I/O on a
  // loaded machine may take a while (a CI run once saw one outlive 10 s).
  private static final Duration KILL_GRACE = Duration.ofSeconds(60);

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

  /**
   * Polls rather than waits on {@link ProcessHandle#onExit()}: the node is not this JVM's child, so
   * its exit is only seen by polling anyway. A node that has died but that its parent has not yet
   * reaped (a zombie) still counts as alive there; one still unreaped at the end of the grace
   * period holds nothing any more and counts as exited.
   */
  private static boolean exited(ProcessHandle process, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() - deadline > 0) {
        return isZombie(process.pid());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return true;
  }

  /** Linux: the state field of {@code /proc/<pid>/stat}, after the parenthesised command name. */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int afterName = stat.lastIndexOf(')');
      char state =
          afterName < 0 || afterName + 2 >= stat.length() ? '?' : stat.charAt(afterName + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
