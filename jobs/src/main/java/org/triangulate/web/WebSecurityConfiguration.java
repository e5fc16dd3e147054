package org.triangulate.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.triangulate.TriangulateProperties;

/**
 * Who may read transcripts through the analyst UI and API. With {@code triangulate.web.username}
 * and {@code password} configured, every request needs them (HTTP Basic; the password may be given
 * already encoded, e.g. {@code {bcrypt}$2a$…}); without, the server only starts bound to a loopback
 * address. Either way responses carry a Content-Security-Policy that allows no script and nothing
 * from elsewhere, a second line behind the templates' escaping.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain analystSecurity(
      HttpSecurity http, TriangulateProperties properties, Environment environment)
      throws Exception {
    TriangulateProperties.Web web = properties.web();
    String address = environment.getProperty("server.address");
    if (!web.hasCredentials() && !isLoopback(address)) {
      throw new IllegalStateException(
          "Refusing to serve transcripts on "
              + (address == null ? "all interfaces" : address)
              + " without credentials: set triangulate.web.username and triangulate.web.password,"
              + " or bind server.address to 127.0.0.1");
    }
    if (web.hasCredentials()) {
      http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults());
    } else {
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
    }
    http.headers(
        h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  /** The one analyst account, or none (an empty manager) when no credentials are configured. */
  @Bean
  UserDetailsService analysts(TriangulateProperties properties) {
    TriangulateProperties.Web web = properties.web();
    if (!web.hasCredentials()) {
      return new InMemoryUserDetailsManager();
    }
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    String password = web.password();
    // A password given as "{id}…" is already encoded; a plain one is hashed here, once.
    String encoded = password.matches("^\\{[a-z0-9]+}.+") ? password : encoder.encode(password);
    return new InMemoryUserDetailsManager(
        User.withUsername(web.username()).password(encoded).roles("ANALYST").build());
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
