package org.triangulate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a request to the loopback-bound server whose {@code Host} is not a loopback name: a
 * page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) would otherwise read
 * transcripts through the visitor's browser. Allowed: the bound address, {@code 127.0.0.1}, {@code
 * [::1]} and {@code localhost}, with any port. Thread-safe.
 */
final class LoopbackHostFilter extends OncePerRequestFilter {

  private final Set<String> allowed;

  LoopbackHostFilter(String boundAddress) {
    String bound = boundAddress.toLowerCase(Locale.ROOT);
    // The bound address may itself be one of the loopback names.
    this.allowed =
        Set.copyOf(
            List.of(
                bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound,
                "127.0.0.1",
                "[::1]",
                "localhost"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!allowed.contains(hostName(request.getHeader("Host")))) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "This server answers only requests addressed to its loopback address");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The host of a {@code Host} header without its port, lower case; empty when absent. */
  static String hostName(String header) {
    if (header == null) {
      return "";
    }
    String host = header.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
