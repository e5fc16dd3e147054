package org.triangulate.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.triangulate.TriangulateProperties;

/**
 * Tells the pages whether the person may open extracts in context and export ({@code analyst}), so
 * a viewer is not shown links that would answer 403. Without accounts everyone may. Thread-safe.
 */
@ControllerAdvice
class AnalystLinks {

  private final boolean accounts;

  AnalystLinks(TriangulateProperties properties) {
    this.accounts = properties.web().hasCredentials();
  }

  @ModelAttribute("analyst")
  boolean analyst(HttpServletRequest request) {
    return !accounts || request.isUserInRole("ANALYST");
  }
}
