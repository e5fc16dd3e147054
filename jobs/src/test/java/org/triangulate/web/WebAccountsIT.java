package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server with per-person accounts (bcrypt hashes in the configuration): a viewer may
 * search but not open an extract in context nor export; an analyst may do both; every search,
 * context view and export is in the audit log with who did it, readable by the owner only, each
 * line chained to the one before.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=127.0.0.1",
      "spring.datasource.url=jdbc:h2:mem:webaccounts;DB_CLOSE_DELAY=-1",
      "logging.file.name=target/it-out/webaccounts.log"
    })
class WebAccountsIT {

  private static final Path OUT =
      Path.of("target/it-out/webaccounts-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
    registry.add("triangulate.data-out", OUT::toString);
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    String alice = "{bcrypt}" + bcrypt.encode("alice's passphrase");
    String bob = "{bcrypt}" + bcrypt.encode("bob's passphrase");
    // A list binds from one property source: every key of the accounts is given here.
    registry.add("triangulate.web.accounts[0].name", () -> "alice");
    registry.add("triangulate.web.accounts[0].password", () -> alice);
    registry.add("triangulate.web.accounts[0].role", () -> "analyst");
    registry.add("triangulate.web.accounts[1].name", () -> "bob");
    registry.add("triangulate.web.accounts[1].password", () -> bob);
    registry.add("triangulate.web.accounts[1].role", () -> "viewer");
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aViewerSearchesButMayNotOpenContextOrExport() throws Exception {
    String bob = "bob:bob's passphrase";

    assertThat(get("/api/categories", bob).statusCode()).isEqualTo(200);
    assertThat(get("/api/search?q=pay", bob).statusCode()).isNotIn(401, 403);
    assertThat(get("/api/export.csv", bob).statusCode()).isEqualTo(403);
    assertThat(get("/api/extracts/e1", bob).statusCode()).isEqualTo(403);
    assertThat(get("/extracts/e1", bob).statusCode()).isEqualTo(403);
  }

  @Test
  void aViewerReadsTheNightsPacksAndNothingOutsideThem() throws Exception {
    // given a pack the night wrote, and a file beside the packs folder
    Path pack = OUT.resolve("demo/packs/workshop-all");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("index.html"), "<h1>Workshop pack</h1>");
    Files.writeString(pack.resolve("quotes.csv"), "pattern_id,text\n");
    Files.writeString(OUT.resolve("demo/secret.txt"), "not a pack");
    String bob = "bob:bob's passphrase";

    // then a viewer sees the list with links, and opens the pack's files
    HttpResponse<String> list = get("/packs", bob);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("href=\"/packs/workshop-all/index.html\"")
        .contains("href=\"/packs/workshop-all/quotes.csv\"")
        .doesNotContain("pack.pdf");
    HttpResponse<String> page = get("/packs/workshop-all/index.html", bob);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo("<h1>Workshop pack</h1>");
    // and nothing outside the packs folder, nor anything without an account
    assertThat(get("/packs/%2e%2e/secret.txt", bob).statusCode()).isNotEqualTo(200);
    assertThat(get("/packs/../secret.txt", bob).body()).doesNotContain("not a pack");
    assertThat(get("/packs/workshop-all/index.html", null).statusCode()).isEqualTo(401);
    assertThat(Files.readString(OUT.resolve("demo/audit/audit.log")))
        .contains("\"path\":\"/packs/workshop-all/index.html\"");
  }

  @Test
  void anAnalystMayOpenContextAndExport() throws Exception {
    String alice = "alice:alice's passphrase";

    assertThat(get("/api/export.csv?q=supervision", alice).statusCode()).isNotIn(401, 403);
    assertThat(get("/api/extracts/e1", alice).statusCode()).isNotIn(401, 403);
  }

  @Test
  void noAccountOrAWrongPasswordIsRefused() throws Exception {
    assertThat(get("/api/categories", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/categories", "alice:bob's passphrase").statusCode()).isEqualTo(401);
    assertThat(get("/api/categories", "carol:anything").statusCode()).isEqualTo(401);
  }

  @Test
  void theAuditLogSaysWhoSearchedOpenedOrExportedWhatAndIsTheOwnersOnly() throws Exception {
    get("/api/search?q=peer+support", "bob:bob's passphrase");
    get("/api/export.csv?q=pay", "bob:bob's passphrase");
    get("/api/extracts/e42?q=pay", "alice:alice's passphrase");
    get("/api/export.csv?q=training", "alice:alice's passphrase");
    get("/api/categories", "alice:alice's passphrase");

    Path log = OUT.resolve("demo/audit/audit.log");
    List<String> lines = Files.readAllLines(log);
    List<JsonNode> entries =
        lines.stream().map(l -> JsonMapper.builder().build().readTree(l)).toList();
    assertThat(entries)
        .anySatisfy(e -> {
          assertThat(e.path("user").asString()).isEqualTo("bob");
          assertThat(e.path("action").asString()).isEqualTo("search");
          assertThat(e.path("query").asString()).isEqualTo("q=peer+support");
        })
        .anySatisfy(e -> {
          assertThat(e.path("user").asString()).isEqualTo("alice");
          assertThat(e.path("action").asString()).isEqualTo("context");
          assertThat(e.path("path").asString()).isEqualTo("/api/extracts/e42");
        })
        .anySatisfy(e -> {
          assertThat(e.path("user").asString()).isEqualTo("alice");
          assertThat(e.path("action").asString()).isEqualTo("export");
          assertThat(e.path("query").asString()).isEqualTo("q=training");
          assertThat(e.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        })
        .anySatisfy(e -> {
          assertThat(e.path("user").asString()).isEqualTo("bob");
          assertThat(e.path("action").asString()).isEqualTo("export");
          assertThat(e.path("status").asInt()).isEqualTo(403);
        })
        .noneSatisfy(e -> assertThat(e.path("path").asString()).isEqualTo("/api/categories"));
    // each line names the checksum of the one before it
    for (int i = 1; i < lines.size(); i++) {
      assertThat(entries.get(i).path("previous").asString())
          .isEqualTo(
              DigestUtils.sha256Hex((lines.get(i - 1) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())))
        .isEqualTo("rwx------");
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
