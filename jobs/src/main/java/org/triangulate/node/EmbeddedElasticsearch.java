package org.triangulate.node;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts, finds and stops a local Elasticsearch node run from the unpacked server distribution, on
 * 127.0.0.1, for when no external cluster is configured.
 *
 * <pre>{@code
 * var elasticsearch = new EmbeddedElasticsearch(EmbeddedElasticsearchSettings.of(dist, instance, "9.2.8"));
 * URI url = elasticsearch.start().url();   // launches the node, or finds the one already running
 * elasticsearch.stop();
 * }</pre>
 *
 * <p>The node is a daemon that outlives this JVM: later calls, from this process or another, find
 * it through the PID file and {@code node.json} in its instance directory, and {@link #stop()} only
 * ever signals the process named there. Thread-safe: starts and stops of one instance directory are
 * serialized within the JVM, whichever manager makes them, and across processes by a lock file
 * there.
 */
public final class EmbeddedElasticsearch {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  private static final int LOG_LINES = 40;
  // The file lock guards against other processes only: the JVM refuses to take it twice.
  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private final EmbeddedElasticsearchSettings settings;
  private final NodePlacement placement;
  private final NodeInstance instance;
  private final ClusterHealth health = new ClusterHealth();
  private final NodeLauncher launcher = new NodeLauncher();

  public EmbeddedElasticsearch(EmbeddedElasticsearchSettings settings) {
    this.settings = settings;
    this.placement = NodePlacement.of(settings);
    this.instance = new NodeInstance(placement.instanceDir());
  }

  public EmbeddedElasticsearchSettings settings() {
    return settings;
  }

  /**
   * Where the node's files are: the settings' instance directory, or, when this JVM is root and the
   * system user cannot enter that, its place under {@code /var/lib/triangulate/}.
   */
  public Path instanceDir() {
    return instance.dir();
  }

  /**
   * Returns the running node, launching it first when none answers; blocks until the cluster is at
   * least yellow or the start timeout passes.
   *
   * @throws IllegalStateException when the node cannot start, with the tail of its log
   */
  public RunningNode start() {
    synchronized (jvmLock()) {
      return startLocked();
    }
  }

  private RunningNode startLocked() {
    try (Closeable lock = instance.lock()) {
      Optional<RunningNode> running = status();
      if (running.isPresent()) {
        return running.get();
      }
      Instant deadline = Instant.now().plus(settings.startTimeout());
      Optional<ProcessHandle> process = liveProcess();
      Optional<NodeInstance.NodeRecord> recorded =
          process.flatMap(p -> instance.record().filter(r -> r.pid() == p.pid()));
      if (recorded.isPresent()) {
        // Our node, alive but not answering yet (busy or recovering): a second node on its data
        // could not start anyway.
        URI url = URI.create(recorded.get().url());
        return new RunningNode(
            awaitHealthy(null, url, deadline), recorded.get().port(), url, false);
      }
      // An unrecorded process is left over from a start that was killed half-way.
      process.ifPresent(NodeProcesses::terminate);
      return launch(deadline);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Elasticsearch in " + instance.dir(), e);
    }
  }

  /**
   * The node from this instance directory when its process lives and its cluster health answers.
   */
  public Optional<RunningNode> status() {
    Optional<ProcessHandle> process = liveProcess();
    if (process.isEmpty()) {
      return Optional.empty();
    }
    return instance
        .record()
        .filter(record -> record.pid() == process.get().pid())
        .map(NodeInstance::toNode)
        .filter(node -> health.usableStatus(node.url()).isPresent());
  }

  /**
   * Stops the process named by this instance's PID file (SIGTERM, then SIGKILL after a grace
   * period) and removes the PID file. Never touches any other node.
   *
   * @return whether a running node was stopped
   */
  public boolean stop() {
    if (!Files.isDirectory(instance.dir())) {
      return false;
    }
    synchronized (jvmLock()) {
      try (Closeable lock = instance.lock()) {
        Optional<ProcessHandle> process = liveProcess();
        process.ifPresent(NodeProcesses::terminate);
        instance.clearPid();
        return process.isPresent();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stop Elasticsearch in " + instance.dir(), e);
      }
    }
  }

  /** Stops the node like {@link #stop()}, then deletes its instance directory. */
  public void delete() {
    synchronized (jvmLock()) {
      stop();
      try {
        NodeInstance.deleteTree(instance.dir());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete " + instance.dir(), e);
      }
    }
  }

  private Object jvmLock() {
    return JVM_LOCKS.computeIfAbsent(instance.dir(), dir -> new Object());
  }

  private RunningNode launch(Instant deadline) throws IOException {
    Path home = placement.distribution(settings.elasticsearchHome());
    int port =
        settings.port() == 0 ? LoopbackPorts.free() : LoopbackPorts.requireFree(settings.port());
    instance.clearPid();
    instance.prepare(home, port);
    placement.markRelocation(settings.instanceDir());
    Process process = launcher.launch(settings, home, instance);
    URI url = URI.create("http://127.0.0.1:" + port);
    RunningNode node;
    try {
      node = new RunningNode(awaitHealthy(process, url, deadline), port, url, true);
    } catch (RuntimeException e) {
      // Before it writes the PID file the server is only known as the launcher's child.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      throw e;
    }
    instance.record(node, home.getFileName().toString());
    return node;
  }

  /** Polls cluster health until yellow or green; returns the node's PID. */
  private long awaitHealthy(Process launching, URI url, Instant deadline) {
    while (true) {
      // Read before the PID file: a launcher that exited cleanly has left the file behind by then.
      boolean launcherDone = launching == null || !launching.isAlive();
      Optional<ProcessHandle> process = liveProcess();
      if (process.isPresent() && health.usableStatus(url).isPresent()) {
        return process.get().pid();
      }
      if (launcherDone
          && (process.isEmpty() || (launching != null && launching.exitValue() != 0))) {
        throw failure(
            "Elasticsearch exited during start"
                + (launching == null ? "" : " (launcher exit code " + launching.exitValue() + ")"));
      }
      if (Instant.now().isAfter(deadline)) {
        throw failure(
            "Elasticsearch did not become healthy at "
                + url
                + " within "
                + settings.startTimeout().toSeconds()
                + " s");
      }
      try {
        Thread.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("Interrupted while waiting for Elasticsearch to start");
      }
    }
  }

  /**
   * Captures the log before stopping what was half-started, so a failed start leaves no process
   * behind.
   */
  private IllegalStateException failure(String reason) {
    String message = reason + "; instance " + instance.dir() + instance.logTail(LOG_LINES);
    liveProcess().ifPresent(NodeProcesses::terminate);
    return new IllegalStateException(message);
  }

  private Optional<ProcessHandle> liveProcess() {
    OptionalLong pid = instance.pid();
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.getAsLong())
        .filter(ProcessHandle::isAlive)
        .filter(NodeProcesses::isElasticsearch);
  }
}
