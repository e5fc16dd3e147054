package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
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
              new WebSecurityConfiguration().analystSecurity(null, properties("", ""), environment))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("triangulate.web.username")
          .hasMessageContaining(address == null ? "all interfaces" : address);
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
    return new TriangulateProperties(
        "demo",
        java.nio.file.Path.of("config"),
        java.nio.file.Path.of("data-in"),
        java.nio.file.Path.of("data-out"),
        new TriangulateProperties.Elasticsearch(
            true, 9200, "512m", "es", Duration.ofSeconds(1), "9.2.8"),
        new TriangulateProperties.Index(
            1, 0, 2, true, 500, DataSize.ofMegabytes(5), 2, Duration.ofMillis(200), 8),
        new TriangulateProperties.Nlp("tokenize", 3, java.util.List.of("I")),
        new TriangulateProperties.Web("127.0.0.1", user, password));
  }
}
