package org.triangulate.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.triangulate.index.TestElasticsearch;

/**
 * What pipeline integration tests share: a throw-away schema in the real PostgreSQL (database
 * {@code test}), their own output folder, optionally their own copy of the demo inputs, and the
 * test Elasticsearch node.
 */
final class PipelineTestSupport {

  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String POSTGRES_USER = "postgres";
  static final Path HOME = TestElasticsearch.home();

  final String schema =
      "triangulate_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final Path out = HOME.resolve("jobs/target/it-out/" + schema);
  final Path in = HOME.resolve("jobs/target/it-in/" + schema);

  /** Points the application at this test's schema, folders and the given Elasticsearch URL. */
  void register(DynamicPropertyRegistry registry, Path dataIn, Supplier<Object> elasticsearchUris) {
    registry.add("triangulate.config-dir", () -> HOME.resolve("config").toString());
    registry.add("triangulate.data-in", dataIn::toString);
    registry.add("triangulate.data-out", out::toString);
    registry.add("logging.file.name", () -> out.resolve("triangulate.log").toString());
    registry.add("spring.datasource.url", () -> jdbcUrl());
    registry.add("spring.datasource.username", () -> POSTGRES_USER);
    registry.add("spring.datasource.password", () -> "");
    // Cached test contexts each keep a pool open; small pools keep PostgreSQL's connection limit
    // far off.
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("spring.elasticsearch.uris", elasticsearchUris);
  }

  /**
   * Starts {@code ./triangulate <arguments>} in a JVM of its own against this test's schema, output
   * folder and the test Elasticsearch node; its console goes to {@code <out>/<name>.out} and its
   * log to {@code <out>/<name>.log}. The arguments start with the command and may add {@code
   * --set}s.
   */
  Process startTriangulate(String name, String... arguments) throws IOException {
    Files.createDirectories(out);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.triangulate.cli.Triangulate"));
    command.addAll(List.of(arguments));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("triangulate.elasticsearch.embedded", "false");
    settings.put("spring.elasticsearch.uris", TestElasticsearch.url().toString());
    settings.put("triangulate.data-out", out.toString());
    if (Files.isDirectory(in)) {
      settings.put("triangulate.data-in", in.toString());
    }
    settings.put("logging.file.name", out.resolve(name + ".log").toString());
    settings.put("spring.datasource.url", jdbcUrl());
    settings.put("spring.datasource.username", POSTGRES_USER);
    settings.put("spring.flyway.schemas", schema);
    settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
    return new ProcessBuilder(command)
        .directory(HOME.toFile())
        .redirectErrorStream(true)
        .redirectOutput(console(name).toFile())
        .start();
  }

  /** Where {@link #startTriangulate} writes that process's console output. */
  Path console(String name) {
    return out.resolve(name + ".out");
  }

  String jdbcUrl() {
    return POSTGRES + "?currentSchema=" + schema;
  }

  /** A private copy of the demo study's inputs, for tests that change them. */
  Path copyDemoInputs() {
    return copyDemoInputs(file -> true);
  }

  /** A private copy of the demo study's inputs that {@code keep} accepts. */
  Path copyDemoInputs(java.util.function.Predicate<Path> keep) {
    Path source = HOME.resolve("data-in/demo");
    Path target = in.resolve("demo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(keep).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in;
  }

  /**
   * A private copy of the demo study's inputs with only its first {@code transcripts} transcripts
   * (by file name) and without its REFI-QDA project (which would stage the others' text): for tests
   * of how a night runs rather than of what the whole demo holds, at a fraction of its time.
   */
  Path copyDemoSubset(int transcripts) {
    Path folder = HOME.resolve("data-in/demo/transcripts");
    java.util.Set<Path> kept;
    try (Stream<Path> files = Files.list(folder)) {
      kept =
          files
              .filter(Files::isRegularFile)
              .sorted()
              .limit(transcripts)
              .collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path coding = HOME.resolve("data-in/demo/coding");
    return copyDemoInputs(
        f -> !f.startsWith(coding) && (!f.getParent().equals(folder) || kept.contains(f)));
  }

  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "")) {
      // A session left behind by a failed test must fail the clean-up, not hang the build.
      c.createStatement().execute("set lock_timeout = '2min'");
      c.createStatement().execute("drop schema if exists " + schema + " cascade");
    }
  }
}
