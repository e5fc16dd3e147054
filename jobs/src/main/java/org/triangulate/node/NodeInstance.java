package org.triangulate.node;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One node's instance directory: config copied from the distribution, data, logs, and the PID and
 * {@code node.json} files through which a later process finds the running node. Not thread-safe:
 * callers hold {@link #lock()}.
 */
final class NodeInstance {

  static final String CLUSTER_NAME = "triangulate";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What {@code node.json} holds; the PID file stays the authority on whether the node lives. */
  record NodeRecord(long pid, int port, String url, String version, String startedAt) {}

  private final Path dir;

  NodeInstance(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path config() {
    return dir.resolve("config");
  }

  Path tmp() {
    return dir.resolve("tmp");
  }

  Path pidFile() {
    return dir.resolve("node.pid");
  }

  Path launchLog() {
    return dir.resolve("launch.log");
  }

  /**
   * Blocks until this process owns the instance, so two launchers started together end up sharing
   * one node instead of racing for its data directory.
   */
  Closeable lock() throws IOException {
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    // Closing the channel releases the lock.
    return channel::close;
  }

  /**
   * Replaces this instance's config with a fresh copy of the distribution's plus its own
   * elasticsearch.yml. Nothing in config/ is worth keeping, and a launch killed half-way leaves
   * files there (a keystore .tmp) that make every later start fail.
   */
  void prepare(Path elasticsearchHome, int port) throws IOException {
    deleteTree(config());
    for (Path sub : List.of(config(), dir.resolve("data"), dir.resolve("logs"), tmp())) {
      Files.createDirectories(sub);
    }
    // The node appends to its log across launches; a failure message must quote this launch only.
    if (Files.exists(serverLog())) {
      Files.move(
          serverLog(),
          serverLog().resolveSibling(CLUSTER_NAME + "-previous.log"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path source = elasticsearchHome.resolve("config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = config().resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(config().resolve("elasticsearch.yml"), elasticsearchYml(port));
  }

  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private String elasticsearchYml(int port) {
    return """
    # Written by Triangulate at every start of the embedded node; edits here are overwritten.
    cluster.name: %s
    node.name: %s-embedded
    network.host: 127.0.0.1
    http.port: %d
    discovery.type: single-node
    xpack.security.enabled: false
    path.data: %s
    path.logs: %s
    # A nearly full disk would otherwise make a one-node index read-only without telling the pipeline.
    cluster.routing.allocation.disk.threshold_enabled: false
    """
        .formatted(
            CLUSTER_NAME,
            CLUSTER_NAME,
            port,
            yamlString(dir.resolve("data")),
            yamlString(dir.resolve("logs")));
  }

  private static String yamlString(Path path) {
    // A JSON string is a valid YAML scalar, and JSON escaping copes with any character in a path.
    return JSON.writeValueAsString(path.toString());
  }

  OptionalLong pid() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(pidFile()).strip()));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      // A half-written or foreign PID file names no node of ours.
      return OptionalLong.empty();
    }
  }

  void clearPid() throws IOException {
    Files.deleteIfExists(pidFile());
  }

  Optional<NodeRecord> record() {
    Path file = dir.resolve("node.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file, NodeRecord.class));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  void record(RunningNode node, String version) {
    NodeRecord record =
        new NodeRecord(
            node.pid(), node.port(), node.url().toString(), version, Instant.now().toString());
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("node.json"), record);
  }

  static RunningNode toNode(NodeRecord record) {
    return new RunningNode(record.pid(), record.port(), URI.create(record.url()), false);
  }

  /** The last lines of the node's log and of the launcher's output, for failure messages. */
  String logTail(int lines) {
    return tail(serverLog(), lines) + tail(launchLog(), lines / 2);
  }

  private Path serverLog() {
    return dir.resolve("logs").resolve(CLUSTER_NAME + ".log");
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
      if (last.isEmpty()) {
        return "\n--- " + file + " is empty ---";
      }
      return "\n--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last);
    } catch (NoSuchFileException e) {
      return "\n--- " + file + " does not exist ---";
    } catch (IOException e) {
      return "\n--- cannot read " + file + ": " + e.getMessage() + " ---";
    }
  }
}
