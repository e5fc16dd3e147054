package org.triangulate.web;

import java.util.List;

/**
 * A search request's parameters are unusable; each problem names the parameter. Answered with 400.
 */
public class BadSearchRequestException extends RuntimeException {

  private final List<String> problems;

  public BadSearchRequestException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
