package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server on every interface, with an account, against the real Elasticsearch node: its
 * health endpoint listens on loopback only, answers its bare status to anyone there and its
 * components (Elasticsearch, the database, the extracts index) to a signed-in person only.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=0.0.0.0",
      "triangulate.web.username=ops",
      "triangulate.web.password=correct horse",
      "spring.datasource.url=jdbc:h2:mem:managementport;DB_CLOSE_DELAY=-1",
      "logging.file.name=target/it-out/managementport.log"
    })
class ManagementPortIT {

  private static final String OPS = "ops:correct horse";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
    TestElasticsearch.registerUris(registry);
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void givenTheServerOnEveryInterface_whenConnectingFromAnotherAddress_thenOnlyTheAppAnswers()
      throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

    try (Socket app = connect(external.get(), port)) {
      assertThat(app.isConnected()).isTrue();
    }
    assertThatThrownBy(() -> connect(external.get(), managementPort).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void givenNoCredentials_whenAskingForHealth_thenAnswersTheStatusWithoutComponents()
      throws Exception {
    HttpResponse<String> health = get(managementPort, "/actuator/health", null);

    assertThat(health.statusCode()).isIn(200, 503);
    JsonNode body = JsonMapper.shared().readTree(health.body());
    assertThat(body.path("status").asString()).isNotBlank();
    assertThat(body.has("components")).isFalse();
  }

  @Test
  void givenCredentials_whenAskingForHealth_thenShowsElasticsearchTheDatabaseAndTheExtracts()
      throws Exception {
    HttpResponse<String> health = get(managementPort, "/actuator/health", OPS);

    JsonNode components = JsonMapper.shared().readTree(health.body()).path("components");
    assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("elasticsearch").path("details").path("number_of_nodes").asInt())
        .isEqualTo(1);
    assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("db").path("details").path("database").asString()).isEqualTo("H2");
    assertThat(components.path("extracts").path("details").path("alias").asString())
        .isEqualTo("demo-extracts");
    assertThat(components.has("rabbit")).isFalse();
  }

  @Test
  void givenCredentials_whenAskingTheAppPortForHealth_thenItIsNotServedThere() throws Exception {
    assertThat(get(port, "/actuator/health", OPS).statusCode()).isEqualTo(404);
    assertThat(get(port, "/api/health", OPS).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(int port, String path, String credentials) throws Exception {
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

  private static Socket connect(InetAddress address, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(address, port), 2_000);
    return socket;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(n -> {
          try {
            return n.isUp() && !n.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .findFirst();
  }
}
