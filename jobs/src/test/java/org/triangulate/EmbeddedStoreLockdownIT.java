package org.triangulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The embedded store as config/application.yml configures it, opened in a folder of this test's
 * own: its folder and files are the owner's only, and no database server listens (this JVM opens no
 * listening TCP socket with it: the application has no web server here and Elasticsearch is another
 * process).
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "logging.file.name=target/it-out/store-lockdown.log"
    })
class EmbeddedStoreLockdownIT {

  private static final Path OUT =
      Path.of("target/it-out/store-lockdown-" + UUID.randomUUID()).toAbsolutePath();

  /** What other tests' contexts in this JVM (a web server) listen on before this one starts. */
  private static Set<String> listeningBefore = Set.of();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    listeningBefore = listeningSocketsOfThisProcess();
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
    registry.add("triangulate.data-out", OUT::toString);
    registry.add(
        "spring.datasource.url", () -> configuredUrl().replace("./data-out", OUT.toString()));
  }

  /** The store's URL as shipped. */
  static String configuredUrl() {
    try {
      // The file's first document; profiles follow it.
      return YAMLMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build()
          .readTree(TestElasticsearch.home().resolve("config/application.yml").toFile())
          .path("spring")
          .path("datasource")
          .path("url")
          .asString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void theStoreFolderAndItsFilesAreTheOwnersOnly() throws Exception {
    // given the store opened and written to
    assertThat(jdbc.queryForObject("select count(*) from source", Integer.class)).isZero();
    Path state = OUT.resolve(".state");

    // then
    assertThat(permissions(state)).isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> list = Files.list(state)) {
      files = list.toList();
    }
    assertThat(files).isNotEmpty();
    assertThat(files)
        .allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
  }

  @Test
  void noDatabaseServerListens() throws Exception {
    assertThat(jdbc.queryForObject("select count(*) from source", Integer.class)).isZero();

    Set<String> opened = new HashSet<>(listeningSocketsOfThisProcess());
    opened.removeAll(listeningBefore);
    assertThat(opened).as("sockets listening since the store opened").isEmpty();
  }

  @Test
  void aUrlThatWouldStartTheDatabaseServerIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () -> EmbeddedStoreLockdown.refuseServerModes("jdbc:h2:file:./x/y;AUTO_SERVER=TRUE"))
        .hasMessageStartingWith("spring.datasource.url: AUTO_SERVER=TRUE");
  }

  private static String permissions(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inodes of TCP sockets in LISTEN state that this process holds open. */
  private static Set<String> listeningSocketsOfThisProcess() throws IOException {
    Set<String> listening = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(1, lines.size())) {
        String[] columns = line.strip().split("\\s+");
        if ("0A".equals(columns[3])) {
          listening.add(columns[9]);
        }
      }
    }
    Set<String> mine = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            String inode = target.substring("socket:[".length(), target.length() - 1);
            if (listening.contains(inode)) {
              mine.add(inode);
            }
          }
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while listing
        }
      }
    }
    return mine;
  }
}
