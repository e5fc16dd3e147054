package org.triangulate.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triangulate.study.Study;
import org.triangulate.web.SearchHealthCheck.SearchHealth;

/**
 * The JSON API's search: {@code /api/search} (the same parameters as the search page, plus {@code
 * cursor} to continue after a result's {@code nextCursor}), {@code /api/categories} (the codebook)
 * and {@code /api/health}. Errors are RFC 9457 problem details naming the parameter ({@link
 * ApiErrors}).
 */
@RestController
@RequestMapping("/api")
class SearchApiController {

  private final ExtractSearchService search;
  private final SearchHealthCheck healthCheck;
  private final CodebookJson codebook;

  SearchApiController(ExtractSearchService search, SearchHealthCheck healthCheck, Study study) {
    this.search = search;
    this.healthCheck = healthCheck;
    this.codebook = CodebookJson.of(study.codebook());
  }

  @GetMapping("/search")
  ExtractSearchResult search(@RequestParam MultiValueMap<String, String> params) {
    return search.search(SearchParameters.parse(params, search.dimensions()));
  }

  @GetMapping("/categories")
  CodebookJson categories() {
    return codebook;
  }

  @GetMapping("/health")
  ResponseEntity<SearchHealth> health() {
    SearchHealth health = healthCheck.check();
    return ResponseEntity.status(
            health.canSearch() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(health);
  }
}
