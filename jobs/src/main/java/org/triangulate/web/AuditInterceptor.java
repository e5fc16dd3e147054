package org.triangulate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes an {@link AuditLog} line for every search (the page with a query, {@code /api/search}),
 * extract opened in context ({@code /extracts/{id}}, {@code /api/extracts/{id}}) and CSV export,
 * once it is answered: who (the signed-in name, or {@code anonymous} on a loopback server without
 * accounts), what (path and query) and how it ended (status; a viewer refused an analyst's page is
 * recorded with 403 by the security configuration). Thread-safe.
 */
@Configuration
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  static final String ANONYMOUS = "anonymous";

  private final AuditLog log;

  AuditInterceptor(AuditLog log) {
    this.log = log;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    record(
        log,
        request,
        ex == null ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
  }

  /**
   * Records the request if it is a search, context view, export or a pack's file; others pass
   * unrecorded.
   */
  static void record(AuditLog log, HttpServletRequest request, int status) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    actionOf(path, request.getQueryString())
        .ifPresent(action ->
            log.record(
                request.getRemoteUser() == null ? ANONYMOUS : request.getRemoteUser(),
                action,
                path,
                request.getQueryString(),
                status));
  }

  static Optional<AuditLog.Action> actionOf(String path, String query) {
    if (path.equals("/api/export.csv")) {
      return Optional.of(AuditLog.Action.EXPORT);
    }
    if (path.startsWith(PackPages.PATH + "/")) {
      return Optional.of(AuditLog.Action.PACK);
    }
    if (path.startsWith("/extracts/") || path.startsWith("/api/extracts/")) {
      return Optional.of(AuditLog.Action.CONTEXT);
    }
    if (path.equals("/api/search") || (path.equals("/") && query != null && !query.isBlank())) {
      return Optional.of(AuditLog.Action.SEARCH);
    }
    return Optional.empty();
  }
}
