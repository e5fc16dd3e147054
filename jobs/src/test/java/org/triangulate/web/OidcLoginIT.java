package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.TestElasticsearch;

/**
 * Single sign-on switched on by configuration alone: the real server sends a person without a
 * session to the provider's login with the configured client. (No provider is reachable here: its
 * endpoints are given rather than discovered, and only the redirect is checked.) The role each
 * signed-in person gets is {@link OidcRoles}'s, checked below without a provider.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=127.0.0.1",
      "triangulate.web.oidc.enabled=true",
      "triangulate.web.oidc.analysts[0]=ann@example.invalid",
      "spring.security.oauth2.client.registration.institution.client-id=triangulate-test",
      "spring.security.oauth2.client.registration.institution.client-secret=not-a-secret",
      "spring.security.oauth2.client.registration.institution.scope=openid,profile,email",
      "spring.security.oauth2.client.registration.institution.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.institution.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.institution.authorization-uri=https://sso.example.invalid/authorize",
      "spring.security.oauth2.client.provider.institution.token-uri=https://sso.example.invalid/token",
      "spring.security.oauth2.client.provider.institution.jwk-set-uri=https://sso.example.invalid/jwks",
      "spring.security.oauth2.client.provider.institution.user-info-uri=https://sso.example.invalid/userinfo",
      "spring.security.oauth2.client.provider.institution.user-name-attribute=sub",
      "spring.datasource.url=jdbc:h2:mem:oidclogin;DB_CLOSE_DELAY=-1",
      "logging.file.name=target/it-out/oidclogin.log"
    })
class OidcLoginIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "triangulate.config-dir", () -> TestElasticsearch.home().resolve("config").toString());
  }

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aPersonWithoutASessionIsSentToTheProvidersLogin() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(302);
    String login = page.headers().firstValue("Location").orElseThrow();
    assertThat(login).endsWith("/oauth2/authorization/institution");

    HttpResponse<String> start = get("/oauth2/authorization/institution");
    assertThat(start.statusCode()).isEqualTo(302);
    assertThat(start.headers().firstValue("Location").orElseThrow())
        .startsWith("https://sso.example.invalid/authorize?")
        .contains("client_id=triangulate-test")
        .contains("scope=openid");
  }

  @Test
  void listedPeopleAreAnalystsAndEveryoneElseAViewer() {
    List<String> analysts = List.of("ann@example.invalid", "bo");
    assertThat(OidcRoles.roleOf("ann", "Ann@Example.invalid", analysts)).isEqualTo("analyst");
    assertThat(OidcRoles.roleOf("bo", null, analysts)).isEqualTo("analyst");
    assertThat(OidcRoles.roleOf("cy", "cy@example.invalid", analysts)).isEqualTo("viewer");
    assertThat(OidcRoles.roleOf(null, null, analysts)).isEqualTo("viewer");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
