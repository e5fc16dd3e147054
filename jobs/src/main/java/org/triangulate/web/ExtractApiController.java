package org.triangulate.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triangulate.study.Study;

/**
 * The JSON API beyond search: {@code /api/extracts/{id}} (an extract with the turns around it),
 * {@code /api/export.csv} (every hit of a search, streamed) and {@code /api/stats/items} (last
 * night's item statistics, filtered by any column).
 */
@RestController
@RequestMapping("/api")
class ExtractApiController {

  static final int DEFAULT_TURNS = 2;

  private final ExtractSearchService search;
  private final ExtractContextService contexts;
  private final ExtractCsvExport export;
  private final ItemStatsFile stats;
  private final String study;

  ExtractApiController(
      ExtractSearchService search,
      ExtractContextService contexts,
      ExtractCsvExport export,
      ItemStatsFile stats,
      Study study) {
    this.search = search;
    this.contexts = contexts;
    this.export = export;
    this.stats = stats;
    this.study = study.name();
  }

  @GetMapping("/extracts/{id}")
  ExtractContext extract(
      @PathVariable String id,
      @RequestParam(name = "q", defaultValue = "") String words,
      @RequestParam(name = "turns", defaultValue = "" + DEFAULT_TURNS) String turns) {
    return contexts
        .find(id, words, turns(turns))
        .orElseThrow(() -> new ApiErrors.NotFoundException("No extract '" + id + "' in the index"));
  }

  static int turns(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0 && n <= ExtractContextService.MAX_TURNS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadSearchRequestException(
        java.util.List.of(
            "turns: a whole number from 0 to "
                + ExtractContextService.MAX_TURNS
                + " (was '"
                + value
                + "')"));
  }

  /**
   * Every hit of the search, as CSV; the same parameters as {@code /api/search}. Written to the
   * response page by page as Elasticsearch returns them, on the request's own thread.
   */
  @GetMapping("/export.csv")
  void exportCsv(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
      HttpServletResponse response)
      throws IOException {
    // Parsed before anything is written, so bad parameters still get a 400.
    ExtractQuery query = SearchParameters.parse(params, search.dimensions());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + study + "-extracts.csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    export.write(query, writer);
    writer.flush();
  }

  @GetMapping("/stats/items")
  ItemStatsFile.Result items(@RequestParam Map<String, String> filters) {
    ItemStatsFile.Result result = stats.read(new LinkedHashMap<>(filters));
    if (!result.exists()) {
      throw new ApiErrors.NotFoundException(
          "No item statistics yet: run the nightly job once (./triangulate run)");
    }
    return result;
  }
}
