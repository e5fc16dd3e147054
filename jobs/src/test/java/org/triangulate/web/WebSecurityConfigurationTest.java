package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.triangulate.TriangulateProperties;

class WebSecurityConfigurationTest {

  @Test
  void givenNoCredentials_whenBindingBeyondLoopback_thenRefusesToStartNamingTheKeys() {
    for (String address : new String[] {"0.0.0.0", "192.0.2.7", null}) {
      MockEnvironment environment = new MockEnvironment();
      if (address != null) {
        environment.setProperty("server.address", address);
      }
      assertThatThrownBy(() ->
              new WebSecurityConfiguration()
                  .analystSecurity(null, properties("", ""), environment, null, null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("triangulate.web.username")
          .hasMessageContaining(address == null ? "all interfaces" : address);
    }
  }

  @Test
  void givenTheManagementEndpointsBeyondLoopback_whenStarting_thenRefusesNamingTheKeys() {
    // on the app's port (no port of their own, or the same one) while the app serves everywhere
    MockEnvironment samePort = new MockEnvironment().withProperty("server.address", "0.0.0.0");
    MockEnvironment samePortNumber =
        new MockEnvironment()
            .withProperty("server.address", "0.0.0.0")
            .withProperty("server.port", "8081")
            .withProperty("management.server.port", "8081");
    // on a port of their own bound beyond loopback
    MockEnvironment ownAddress =
        new MockEnvironment()
            .withProperty("server.address", "127.0.0.1")
            .withProperty("management.server.port", "8081")
            .withProperty("management.server.address", "0.0.0.0");

    for (MockEnvironment environment : List.of(samePort, samePortNumber, ownAddress)) {
      assertThatThrownBy(() -> WebSecurityConfiguration.refuseManagementBeyondLoopback(environment))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("management.server.address");
    }
  }

  @Test
  void givenTheManagementEndpointsOnLoopback_whenStarting_thenAccepts() {
    MockEnvironment ownPort =
        new MockEnvironment()
            .withProperty("server.address", "0.0.0.0")
            .withProperty("management.server.port", "8081")
            .withProperty("management.server.address", "127.0.0.1");
    MockEnvironment allOnLoopback =
        new MockEnvironment().withProperty("server.address", "127.0.0.1");
    MockEnvironment disabled =
        new MockEnvironment()
            .withProperty("server.address", "0.0.0.0")
            .withProperty("management.server.port", "-1");

    for (MockEnvironment environment : List.of(ownPort, allOnLoopback, disabled)) {
      WebSecurityConfiguration.refuseManagementBeyondLoopback(environment);
    }
  }

  @Test
  void givenAddresses_whenCheckingLoopback_thenOnlyLoopbackOnesAre() {
    assertThat(WebSecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
    assertThat(WebSecurityConfiguration.isLoopback("::1")).isTrue();
    assertThat(WebSecurityConfiguration.isLoopback("0.0.0.0")).isFalse();
    assertThat(WebSecurityConfiguration.isLoopback(null)).isFalse();
  }

  private static TriangulateProperties properties(String user, String password) {
    return new Binder(
            new MapConfigurationPropertySource(
                Map.of("triangulate.web.username", user, "triangulate.web.password", password)))
        .bindOrCreate("triangulate", TriangulateProperties.class);
  }
}
