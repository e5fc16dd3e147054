package org.triangulate.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.triangulate.study.Study;

/**
 * The analyst's search page at {@code /}: one GET form (words, facet checkboxes, order), results
 * with highlights and tags, paging links. Bad parameters or an unavailable index show a message on
 * the same page, with status 400 or 503.
 */
@Controller
class SearchController {

  private final ExtractSearchService search;
  private final String studyTitle;

  SearchController(ExtractSearchService search, Study study) {
    this.search = search;
    this.studyTitle = study.title();
  }

  @GetMapping("/")
  ModelAndView index(@RequestParam MultiValueMap<String, String> params) {
    SearchDimensions dimensions = search.dimensions();
    ExtractQuery query = ExtractQuery.everything();
    ModelAndView view = new ModelAndView("search/index");
    try {
      query = SearchParameters.parse(params, dimensions);
      String shown = params.getFirst("view");
      if (shown != null && !SearchPage.VIEWS.contains(shown)) {
        throw new BadSearchRequestException(
            java.util.List.of("view: '" + shown + "' is not one of " + SearchPage.VIEWS));
      }
      view.addObject(
          "page",
          SearchPage.of(
              studyTitle,
              query,
              shown == null ? "extracts" : shown,
              search.search(query),
              dimensions));
    } catch (BadSearchRequestException e) {
      view.setStatus(HttpStatus.BAD_REQUEST);
      view.addObject("page", SearchPage.failed(studyTitle, query, e.getMessage(), dimensions));
    } catch (SearchUnavailableException e) {
      view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
      view.addObject("page", SearchPage.failed(studyTitle, query, e.getMessage(), dimensions));
    }
    return view;
  }
}
