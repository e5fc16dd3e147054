package org.triangulate.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the JSON API answers what went wrong: RFC 9457 problem details, 400 naming each bad
 * parameter, 404 for what does not exist, 503 when Elasticsearch cannot answer.
 */
@RestControllerAdvice(assignableTypes = {SearchApiController.class, ExtractApiController.class})
class ApiErrors {

  /** Something asked for by id or path that is not there. */
  static class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  @ExceptionHandler(BadSearchRequestException.class)
  ProblemDetail badRequest(BadSearchRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad parameters");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(SearchUnavailableException.class)
  ProblemDetail unavailable(SearchUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Search unavailable");
    return problem;
  }
}
