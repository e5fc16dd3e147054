package org.triangulate.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where and how the embedded Elasticsearch node runs. Immutable; blank or null optional values take
 * the defaults below.
 *
 * @param distributionDir where the server distribution was unpacked; holds {@code
 *     elasticsearch-<version>/}
 * @param instanceDir this node's own state: {@code config/}, {@code data/}, {@code logs/}, {@code
 *     node.pid}, {@code node.json}
 * @param version picks {@code elasticsearch-<version>/}; blank accepts the only distribution there
 * @param port HTTP port on 127.0.0.1; 0 picks a free one at each launch
 * @param heap the node's JVM heap, e.g. {@code 512m} (default)
 * @param systemUser the unprivileged account the node runs as when this JVM is root (default {@code
 *     triangulate-es})
 * @param startTimeout how long {@code start()} waits for a healthy node (default 120 s)
 * @param javaHome the JDK 21+ the node runs on (default: this JVM's {@code java.home})
 */
public record EmbeddedElasticsearchSettings(
    Path distributionDir,
    Path instanceDir,
    String version,
    int port,
    String heap,
    String systemUser,
    Duration startTimeout,
    Path javaHome) {

  public static final String DEFAULT_HEAP = "512m";
  public static final String DEFAULT_SYSTEM_USER = "triangulate-es";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

  public EmbeddedElasticsearchSettings {
    distributionDir =
        Objects.requireNonNull(distributionDir, "distributionDir").toAbsolutePath().normalize();
    instanceDir = Objects.requireNonNull(instanceDir, "instanceDir").toAbsolutePath().normalize();
    version = version == null ? "" : version.strip();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "Elasticsearch port must be 0 (pick a free one) or 1-65535, was " + port);
    }
    heap = isBlank(heap) ? DEFAULT_HEAP : heap.strip();
    if (!heap.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException(
          "Elasticsearch heap must look like 512m or 2g, was '" + heap + "'");
    }
    systemUser = isBlank(systemUser) ? DEFAULT_SYSTEM_USER : systemUser.strip();
    startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
    javaHome =
        (javaHome == null ? Path.of(System.getProperty("java.home")) : javaHome)
            .toAbsolutePath()
            .normalize();
  }

  /** Settings with every default: a free port, 512m heap, this JVM's JDK. */
  public static EmbeddedElasticsearchSettings of(
      Path distributionDir, Path instanceDir, String version) {
    return new EmbeddedElasticsearchSettings(
        distributionDir, instanceDir, version, 0, null, null, null, null);
  }

  public EmbeddedElasticsearchSettings withPort(int newPort) {
    return new EmbeddedElasticsearchSettings(
        distributionDir, instanceDir, version, newPort, heap, systemUser, startTimeout, javaHome);
  }

  public EmbeddedElasticsearchSettings withStartTimeout(Duration newTimeout) {
    return new EmbeddedElasticsearchSettings(
        distributionDir, instanceDir, version, port, heap, systemUser, newTimeout, javaHome);
  }

  /**
   * The unpacked {@code elasticsearch-<version>} directory.
   *
   * @throws IllegalStateException naming the directory looked in when it is missing or ambiguous
   */
  public Path elasticsearchHome() {
    String wanted = version.isEmpty() ? "elasticsearch-<version>" : "elasticsearch-" + version;
    List<Path> candidates;
    try (Stream<Path> children =
        Files.isDirectory(distributionDir) ? Files.list(distributionDir) : Stream.empty()) {
      candidates =
          children
              .filter(dir -> Files.isRegularFile(dir.resolve("bin/elasticsearch")))
              .filter(dir -> matches(dir.getFileName().toString()))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + distributionDir, e);
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException(
          "No Elasticsearch distribution "
              + wanted
              + " in "
              + distributionDir
              + ": build once (./triangulate or mvn -B generate-resources) to unpack it");
    }
    if (candidates.size() > 1) {
      throw new IllegalStateException(
          "Several Elasticsearch distributions in "
              + distributionDir
              + " "
              + candidates
              + ": set the version to pick one");
    }
    return candidates.getFirst();
  }

  private boolean matches(String dirName) {
    return version.isEmpty()
        ? dirName.startsWith("elasticsearch-")
        : dirName.equals("elasticsearch-" + version);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
