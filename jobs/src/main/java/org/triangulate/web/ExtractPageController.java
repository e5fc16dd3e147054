package org.triangulate.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.triangulate.study.Study;

/**
 * An extract in its transcript at {@code /extracts/{id}}: the turns before and after it, the
 * extract itself with the search's words marked, its tags, and a way back to the search.
 */
@Controller
class ExtractPageController {

  private final ExtractContextService contexts;
  private final ExtractSearchService search;
  private final String studyTitle;

  ExtractPageController(ExtractContextService contexts, ExtractSearchService search, Study study) {
    this.contexts = contexts;
    this.search = search;
    this.studyTitle = study.title();
  }

  @GetMapping("/extracts/{id}")
  ModelAndView extract(
      @PathVariable String id,
      @RequestParam(name = "q", defaultValue = "") String words,
      @RequestParam(name = "turns", defaultValue = "" + ExtractApiController.DEFAULT_TURNS)
          String turns) {
    ModelAndView view = new ModelAndView("extract/context");
    view.addObject("studyTitle", studyTitle);
    view.addObject("dimensions", search.dimensions());
    view.addObject(
        "backUrl",
        SearchLinks.url(
            new ExtractQuery(words, Map.of(), 1, ExtractQuery.DEFAULT_SIZE, SearchSort.RELEVANCE)));
    try {
      contexts
          .find(id, words, ExtractApiController.turns(turns))
          .ifPresentOrElse(
              context -> view.addObject("context", context),
              () -> {
                view.setStatus(HttpStatus.NOT_FOUND);
                view.addObject("error", "There is no extract '" + id + "' in the index.");
              });
    } catch (BadSearchRequestException e) {
      view.setStatus(HttpStatus.BAD_REQUEST);
      view.addObject("error", e.getMessage());
    } catch (SearchUnavailableException e) {
      view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
      view.addObject("error", e.getMessage());
    }
    return view;
  }
}
