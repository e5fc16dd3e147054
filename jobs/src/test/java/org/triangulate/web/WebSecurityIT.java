package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.TestElasticsearch;

/**
 * The real server with analyst credentials configured: nothing is served without them, and every
 * answer carries the no-script Content-Security-Policy. (The store is an in-memory H2: these
 * requests never reach Elasticsearch.)
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=127.0.0.1",
      "triangulate.web.username=analyst",
      "triangulate.web.password=correct horse",
      "spring.datasource.url=jdbc:h2:mem:websecurity;DB_CLOSE_DELAY=-1",
      "logging.file.name=target/it-out/websecurity.log"
    })
class WebSecurityIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    // Absolute: a relative path would be resolved against the web server's resources.
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void givenCredentialsConfigured_whenAskingWithoutThem_thenAnswers401AndAsksForBasic()
      throws Exception {
    HttpResponse<String> page = get("/", null);
    HttpResponse<String> api = get("/api/categories", null);

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(api.body()).doesNotContain("themes");
  }

  @Test
  void givenAWrongPassword_whenAsking_thenAnswers401() throws Exception {
    assertThat(get("/api/categories", "analyst:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void givenTheCredentials_whenAsking_thenAnswersWithTheContentAndANoScriptPolicy()
      throws Exception {
    HttpResponse<String> api = get("/api/categories", "analyst:correct horse");

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("themes");
    assertThat(api.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
  }

  @Test
  void givenCredentialsConfigured_theApiDescriptionNeedsThemAsTheApiDoes() throws Exception {
    assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
    HttpResponse<String> docs = get("/v3/api-docs", "analyst:correct horse");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/search");
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
