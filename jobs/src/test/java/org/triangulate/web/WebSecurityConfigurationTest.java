package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
