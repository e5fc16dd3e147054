package org.triangulate.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triangulate.study.Study;

/**
 * The JSON API's search: {@code /api/search} (the same parameters as the search page, plus {@code
 * cursor} to continue after a result's {@code nextCursor}) and {@code /api/categories} (the
 * codebook); health is Actuator's ({@link ExtractsHealthIndicator}). Errors are RFC 9457 problem
 * details naming the parameter ({@link ApiErrors}).
 */
@RestController
@RequestMapping("/api")
class SearchApiController {

  private final ExtractSearchService search;
  private final CodebookJson codebook;

  SearchApiController(ExtractSearchService search, Study study) {
    this.search = search;
    this.codebook = CodebookJson.of(study.codebook());
  }

  @GetMapping("/search")
  ExtractSearchResult search(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    return search.search(SearchParameters.parse(params, search.dimensions()));
  }

  @GetMapping("/categories")
  CodebookJson categories() {
    return codebook;
  }
}
