package org.triangulate.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one real Elasticsearch node shared by all tests in a test JVM: started on first use on a free
 * port, with its instance under {@code jobs/target/es-it/shared}, and stopped by a shutdown hook
 * when the JVM exits. Thread-safe.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void elasticsearch(DynamicPropertyRegistry registry) {
 *   TestElasticsearch.registerUris(registry);
 * }
 * }</pre>
 */
public final class TestElasticsearch {

  private static EmbeddedElasticsearch manager;
  private static RunningNode node;

  private TestElasticsearch() {}

  /** The shared node, started on the first call. */
  public static synchronized RunningNode node() {
    if (node == null) {
      EmbeddedElasticsearch shared = manager();
      if (shared.status().isEmpty()) {
        // Indices left by an earlier run would make tests depend on each other's leftovers.
        shared.stop();
        deleteTree(shared.settings().instanceDir());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-elasticsearch"));
      node = shared.start();
    }
    return node;
  }

  public static URI url() {
    return node().url();
  }

  /** Points {@code spring.elasticsearch.uris} at the shared node; the node starts when Spring first reads it. */
  public static void registerUris(DynamicPropertyRegistry registry) {
    registry.add("spring.elasticsearch.uris", () -> url().toString());
  }

  /** The manager of the shared node. */
  public static synchronized EmbeddedElasticsearch manager() {
    if (manager == null) {
      manager = new EmbeddedElasticsearch(settings("shared"));
    }
    return manager;
  }

  /** Settings for a test node named {@code name}: free port, instance under jobs/target/es-it. */
  public static EmbeddedElasticsearchSettings settings(String name) {
    Path home = home();
    return EmbeddedElasticsearchSettings.of(
        home.resolve("data-out/.es/dist"),
        home.resolve("jobs/target/es-it").resolve(name),
        System.getProperty("elasticsearch.server.version", ""));
  }

  /** The repository's top level: set by surefire and failsafe, else the parent of the jobs module. */
  static Path home() {
    String configured = System.getProperty("triangulate.home");
    Path home = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    return home.toAbsolutePath().normalize();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the test Elasticsearch instance " + dir, e);
    }
  }
}
