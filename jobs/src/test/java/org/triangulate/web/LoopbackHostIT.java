package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server on loopback without accounts refuses a request addressed to another host name, as
 * a page elsewhere would send after pointing its name at 127.0.0.1 (DNS rebinding), and answers one
 * addressed to the loopback address or {@code localhost}. It serves the REST API's OpenAPI
 * description and Swagger UI as it serves the API.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=127.0.0.1",
      "spring.datasource.url=jdbc:h2:mem:loopbackhost;DB_CLOSE_DELAY=-1",
      "logging.file.name=target/it-out/loopbackhost.log"
    })
class LoopbackHostIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
  }

  @LocalServerPort int port;

  @Test
  void aRequestForAnotherHostNameIsRefused() throws Exception {
    assertThat(statusOf("rebound.example.invalid:" + port)).isEqualTo(403);
    assertThat(statusOf("rebound.example.invalid")).isEqualTo(403);
    assertThat(statusOf("127.0.0.1.example.invalid:" + port)).isEqualTo(403);
  }

  @Test
  void aRequestForTheLoopbackAddressIsAnswered() throws Exception {
    assertThat(statusOf("127.0.0.1:" + port)).isEqualTo(200);
    assertThat(statusOf("localhost:" + port)).isEqualTo(200);
  }

  @Test
  void theApiDescriptionDescribesTheSearchApiAndNothingElse() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = JsonMapper.shared().readTree(docs.body()).path("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/api/search",
            "/api/categories",
            "/api/extracts/{id}",
            "/api/export.csv",
            "/api/stats/items")
        .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    assertThat(paths.path("/api/search").has("get")).isTrue();
  }

  @Test
  void theApiDescriptionNamesEverySearchParameterWithItsChoices() throws Exception {
    JsonNode paths = JsonMapper.shared().readTree(get("/v3/api-docs").body()).path("paths");

    for (String path : List.of("/api/search", "/api/export.csv")) {
      Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
      paths
          .path(path)
          .path("get")
          .path("parameters")
          .forEach(p -> byName.put(p.path("name").asString(), p));
      // The parameters a request may carry: the reserved ones and one filter per dimension.
      assertThat(byName.keySet())
          .as(path)
          .contains(
              "q", "mode", "like", "sort", "page", "size", "cursor", "case", "role", "category")
          .doesNotContain("params");
      assertThat(
              byName.get("mode").path("schema").path("enum").valueStream().map(JsonNode::asString))
          .containsExactly("words", "meaning");
      assertThat(
              byName.get("sort").path("schema").path("enum").valueStream().map(JsonNode::asString))
          .containsExactly("relevance", "case");
      assertThat(byName.get("case").path("schema").path("type").asString()).isEqualTo("array");
    }
  }

  @Test
  void swaggerUiIsServedWithAPolicyAllowingOnlyThisServersScripts() throws Exception {
    HttpResponse<String> page = get("/swagger-ui/index.html");
    HttpResponse<String> initializer = get("/swagger-ui/swagger-initializer.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebSecurityConfiguration.API_DOCS_UI_POLICY);
    assertThat(initializer.body()).contains("/v3/api-docs");
    assertThat(get("/api/categories").headers().firstValue("Content-Security-Policy"))
        .hasValue(WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The status of GET /api/categories sent with this Host header (a raw request: clients set it).
   */
  private int statusOf(String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/categories HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.substring(9, 12));
    }
  }
}
