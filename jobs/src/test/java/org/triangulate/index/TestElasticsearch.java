package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.triangulate.node.EmbeddedElasticsearch;
import org.triangulate.node.EmbeddedElasticsearchSettings;
import org.triangulate.node.RunningNode;
import org.triangulate.study.Study;

/**
 * The one real Elasticsearch node shared by all tests in a test JVM, started on first use on a free
 * port. Every node a test JVM starts lives under {@code jobs/target/es-it/<jvm pid>/}, so test JVMs
 * running side by side never share or stop each other's nodes; a shutdown hook stops them and
 * removes the directory, and the next test JVM reaps what a killed one left running. Thread-safe.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void elasticsearch(DynamicPropertyRegistry registry) {
 *   TestElasticsearch.registerUris(registry);
 * }
 * }</pre>
 */
public final class TestElasticsearch {

  private static final Path ROOT = home().resolve("jobs/target/es-it");
  private static final Path THIS_JVM = ROOT.resolve(String.valueOf(ProcessHandle.current().pid()));

  private static EmbeddedElasticsearch manager;
  private static RunningNode node;

  private TestElasticsearch() {}

  /** The shared node, started on the first call. */
  public static synchronized RunningNode node() {
    if (node == null) {
      reapNodesOfDeadJvms();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stopAndRemove(THIS_JVM), "stop-test-elasticsearch"));
      node = manager().start();
    }
    return node;
  }

  public static URI url() {
    return node().url();
  }

  /** A new client of the shared node; the caller closes it. */
  public static ElasticsearchClient client() {
    return IndexTestData.client(url());
  }

  /**
   * Creates {@code index} afresh with the study's extracts mapping, one shard and no replica, and
   * with {@code aliased} the study's extracts alias on it.
   */
  public static void createExtractIndex(
      ElasticsearchClient client, Study study, String index, boolean aliased) throws IOException {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    client
        .indices()
        .create(c -> {
          c.index(index)
              .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
              .mappings(ExtractIndexMapping.forStudy(study));
          return aliased ? c.aliases(ExtractIndexMapping.alias(study.name()), a -> a) : c;
        });
  }

  /**
   * Deletes the indices whose names match {@code pattern}, by name: the node refuses wildcard
   * deletes (action.destructive_requires_name).
   */
  public static void deleteIndices(ElasticsearchClient client, String pattern) throws IOException {
    List<String> names =
        List.copyOf(
            client.indices().get(g -> g.index(pattern).allowNoIndices(true)).indices().keySet());
    if (!names.isEmpty()) {
      client.indices().delete(d -> d.index(names));
    }
  }

  /**
   * Points {@code spring.elasticsearch.uris} at the shared node; the node starts when Spring first
   * reads it.
   */
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

  /**
   * Settings for this JVM's test node called {@code name}: a free port and its own instance
   * directory.
   */
  public static EmbeddedElasticsearchSettings settings(String name) {
    return settingsFor(THIS_JVM.resolve(name));
  }

  /**
   * The repository's top level: set by surefire and failsafe, else the parent of the jobs module.
   */
  public static Path home() {
    String configured = System.getProperty("triangulate.home");
    Path home = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    return home.toAbsolutePath().normalize();
  }

  private static EmbeddedElasticsearchSettings settingsFor(Path instanceDir) {
    // Test JVMs share a small machine with other builds: a node may take minutes to come up there.
    return EmbeddedElasticsearchSettings.of(
            home().resolve("data-out/.es/dist"),
            instanceDir,
            System.getProperty("elasticsearch.server.version", ""))
        .withStartTimeout(java.time.Duration.ofMinutes(10));
  }

  /**
   * A test JVM killed before its shutdown hook ran leaves its nodes running; nobody else would stop
   * them.
   */
  private static void reapNodesOfDeadJvms() {
    for (Path jvmDir : children(ROOT)) {
      String name = jvmDir.getFileName().toString();
      boolean dead =
          name.matches("\\d+")
              && ProcessHandle.of(Long.parseLong(name)).filter(ProcessHandle::isAlive).isEmpty();
      if (dead) {
        stopAndRemove(jvmDir);
      }
    }
  }

  private static void stopAndRemove(Path jvmDir) {
    // delete(), not stop(): as root in a private checkout the instance lives outside jvmDir.
    children(jvmDir).forEach(instance -> new EmbeddedElasticsearch(settingsFor(instance)).delete());
    try (Stream<Path> files = Files.walk(jvmDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove test Elasticsearch instances in " + jvmDir, e);
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
