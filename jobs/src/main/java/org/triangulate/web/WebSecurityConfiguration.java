package org.triangulate.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.triangulate.TriangulateProperties;

/**
 * Who may read transcripts through the analyst UI and API. With accounts configured ({@link
 * WebAccounts}: {@code triangulate.web.username}/{@code password}, {@code
 * triangulate.web.accounts}, or single sign-on with {@code triangulate.web.oidc}), every request
 * needs a signed-in person (HTTP Basic, or the provider's login) except the bare status of {@code
 * /actuator/health} on the loopback-only management port; a viewer may search, only an analyst may
 * open an extract in its transcript ({@value #CONTEXT_PAGES}) or export CSV. Without accounts the
 * server only starts bound to a loopback address, and there it refuses requests addressed to any
 * other host name (DNS rebinding). Either way responses carry a Content-Security-Policy that allows
 * no script and nothing from elsewhere, a second line behind the templates' escaping; Swagger UI
 * alone may run this server's own scripts. The API's description ({@code /v3/api-docs}, {@link
 * ApiDescription}) is guarded as the API is.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  /**
   * Swagger UI's page ({@value #API_DOCS_UI}): springdoc's scripts from this server, which the
   * policy above forbids. It shows the API's description, never transcript text.
   */
  static final String API_DOCS_UI_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  static final String API_DOCS_UI = "/swagger-ui/**";

  static final String CONTEXT_PAGES = "/extracts/**, /api/extracts/**";

  /** What only analysts may open: extracts in their transcripts and the CSV export. */
  static final List<String> ANALYST_ONLY =
      List.of("/extracts/**", "/api/extracts/**", "/api/export.csv");

  @Bean
  SecurityFilterChain analystSecurity(
      HttpSecurity http,
      TriangulateProperties properties,
      Environment environment,
      ObjectProvider<ClientRegistrationRepository> registrations,
      AuditLog audit)
      throws Exception {
    TriangulateProperties.Web web = properties.web();
    String address = environment.getProperty("server.address");
    if (!web.hasCredentials() && !isLoopback(address)) {
      throw new IllegalStateException(
          "Refusing to serve transcripts on "
              + (address == null ? "all interfaces" : address)
              + " without accounts: set triangulate.web.accounts (or triangulate.web.username with"
              + " TRIANGULATE_WEB_PASSWORD), or bind server.address to 127.0.0.1");
    }
    refuseManagementBeyondLoopback(environment);
    if (isLoopback(address)) {
      http.addFilterBefore(new LoopbackHostFilter(address), SecurityContextHolderFilter.class);
    }
    if (web.hasCredentials()) {
      // The management port listens on loopback only; there the bare status serves local probes,
      // and its details need an account (HealthDetailsDefault).
      http.authorizeHttpRequests(a ->
          a.requestMatchers(EndpointRequest.to("health"))
              .permitAll()
              .requestMatchers(ANALYST_ONLY.toArray(String[]::new))
              .hasRole("ANALYST")
              .anyRequest()
              .authenticated());
      // A viewer's attempt at what only analysts may open is recorded too.
      http.exceptionHandling(e ->
          e.accessDeniedHandler((request, response, denied) -> {
            AuditInterceptor.record(audit, request, HttpServletResponse.SC_FORBIDDEN);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
          }));
      if (!web.username().isBlank() || !web.accounts().isEmpty()) {
        http.httpBasic(Customizer.withDefaults());
      }
      if (web.oidc().enabled()) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
          throw new IllegalStateException(
              "triangulate.web.oidc.enabled: no provider configured; set"
                  + " spring.security.oauth2.client.registration.<name>.client-id (and"
                  + " client-secret, scope: openid) and spring.security.oauth2.client.provider"
                  + ".<name>.issuer-uri");
        }
        http.oauth2Login(o ->
            o.clientRegistrationRepository(repository)
                .userInfoEndpoint(u -> u.oidcUserService(new OidcRoles(web.oidc().analysts()))));
      }
    } else {
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
    }
    RequestMatcher apiDocsUi = PathPatternRequestMatcher.withDefaults().matcher(API_DOCS_UI);
    http.headers(h ->
        h.addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    new NegatedRequestMatcher(apiDocsUi),
                    new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    apiDocsUi, new ContentSecurityPolicyHeaderWriter(API_DOCS_UI_POLICY))));
    return http.build();
  }

  /** The configured password accounts, or none (an empty manager). */
  @Bean
  UserDetailsService analysts(TriangulateProperties properties) {
    return new InMemoryUserDetailsManager(WebAccounts.of(properties.web()));
  }

  /**
   * Refuses settings that would serve the management endpoints to other hosts: on the app's own
   * port when that listens beyond loopback, or on a management address that does.
   */
  static void refuseManagementBeyondLoopback(Environment environment) {
    String where =
        switch (ManagementPortType.get(environment)) {
          case DISABLED -> "127.0.0.1";
          case SAME -> environment.getProperty("server.address");
          case DIFFERENT -> environment.getProperty("management.server.address");
        };
    if (!isLoopback(where)) {
      throw new IllegalStateException(
          "Refusing to serve /actuator/health on "
              + (where == null ? "all interfaces" : where)
              + ": give management.server.port a port of its own (not server.port) and set"
              + " management.server.address to 127.0.0.1");
    }
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
