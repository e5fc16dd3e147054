package org.triangulate.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.triangulate.study.Study;

/** Both controllers over a stubbed search, with the real templates rendered by Thymeleaf. */
class SearchControllersTest {

  private final Study study = WebTestStudy.demo();
  private final ExtractSearchService search = mock(ExtractSearchService.class);
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    when(search.dimensions()).thenReturn(SearchDimensions.forStudy(study));
    mvc =
        MockMvcBuilders.standaloneSetup(
                new SearchController(search, study), new SearchApiController(search, study))
            .setControllerAdvice(new ApiErrors())
            .setViewResolvers(thymeleaf())
            .build();
  }

  @Test
  void searchPageEscapesTranscriptTextAndMarksMatchesWithoutMarkup() throws Exception {
    // given a hit whose text looks like markup
    String said = "<script>alert('x')</script> my supervision";
    MarkedText marked =
        MarkedText.parse(
            "<script>alert('x')</script> my " + MarkedText.START + "supervision" + MarkedText.END);
    when(search.search(any()))
        .thenReturn(
            result(
                new ExtractHit(
                    "h1",
                    1.0,
                    said,
                    List.of(marked),
                    Kwic.of(marked),
                    "P001",
                    "C01",
                    "participant",
                    Map.of("employer", "nhs", "stakeholder_group", "peer_worker"),
                    List.of("supervision"),
                    List.of("support_and_development"),
                    "P001.txt",
                    10,
                    54,
                    3,
                    null,
                    null)));

    // when / then
    mvc.perform(get("/").param("q", "supervision"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; my <mark>supervision</mark>")))
        .andExpect(content().string(Matchers.containsString("Peer workers")))
        .andExpect(content().string(Matchers.containsString(">Supervision<")))
        .andExpect(content().string(Matchers.containsString("value=\"supervision\"")))
        .andExpect(content().string(Matchers.containsString("href=\"/extracts/h1?q=supervision\"")))
        .andExpect(
            content().string(Matchers.containsString("href=\"/api/export.csv?q=supervision\"")));
  }

  @Test
  void searchPageInKwicViewShowsEachMatchBetweenItsContextEscaped() throws Exception {
    // given
    MarkedText marked =
        MarkedText.parse(
            "we <b>talk</b> about " + MarkedText.START + "pay" + MarkedText.END + " a lot");
    when(search.search(any()))
        .thenReturn(
            result(
                new ExtractHit(
                    "h2",
                    1.0,
                    marked.plainText(),
                    List.of(marked),
                    Kwic.of(marked),
                    "P002",
                    "C02",
                    "participant",
                    Map.of(),
                    List.of(),
                    List.of(),
                    "P002.txt",
                    0,
                    30,
                    1,
                    null,
                    null)));

    // when / then
    mvc.perform(get("/").param("q", "pay").param("view", "kwic"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<td class=\"left\">we &lt;b&gt;talk&lt;/b&gt; about </td>")))
        .andExpect(content().string(Matchers.containsString("<mark>pay</mark>")))
        .andExpect(content().string(Matchers.containsString("Show whole extracts")));
  }

  @Test
  void searchPageAnswersBadParametersWith400AndTheProblem() throws Exception {
    mvc.perform(get("/").param("sort", "date"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    Matchers.containsString("sort: &#39;date&#39; is not one of relevance, case")));
  }

  @Test
  void searchPageExplainsAMissingIndexWith503() throws Exception {
    // given
    when(search.search(any()))
        .thenThrow(
            new SearchUnavailableException("There is no extracts index 'demo-extracts' yet", null));

    // when / then
    mvc.perform(get("/"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().string(Matchers.containsString("There is no extracts index")));
  }

  @Test
  void searchPagePastTheLastPageOffersTheFirstPage() throws Exception {
    // given
    when(search.search(any()))
        .thenReturn(new ExtractSearchResult(50, 9, 20, 160, List.of(), List.of(), null, 0));

    // when / then
    mvc.perform(get("/").param("q", "pay").param("page", "9"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("No extracts on page 9; 50 match.")))
        .andExpect(content().string(Matchers.containsString("href=\"/?q=pay\"")));
  }

  @Test
  void apiAnswersUnknownAttributeWithProblemJsonNamingIt() throws Exception {
    mvc.perform(get("/api/search").param("colour", "red").param("size", "500"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.problems.length()").value(2))
        .andExpect(jsonPath("$.detail", Matchers.containsString("unknown parameter 'colour'")));
  }

  @Test
  void apiReturnsHitsFacetsAndTotalAsJson() throws Exception {
    // given
    MarkedText marked = MarkedText.parse(MarkedText.START + "pay" + MarkedText.END + " band");
    when(search.search(any()))
        .thenReturn(
            result(
                new ExtractHit(
                    "h1",
                    2.0,
                    "pay band",
                    List.of(marked),
                    Kwic.of(marked),
                    "P001",
                    "C01",
                    "participant",
                    Map.of("employer", "nhs"),
                    List.of("pay"),
                    List.of("reward_and_progression"),
                    "P001.txt",
                    0,
                    8,
                    1,
                    null,
                    null)));

    // when / then
    mvc.perform(get("/api/search").param("q", "pay"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.hits[0].highlights[0].parts[0].text").value("pay"))
        .andExpect(jsonPath("$.hits[0].highlights[0].parts[0].marked").value(true))
        .andExpect(jsonPath("$.hits[0].attributes.employer").value("nhs"))
        .andExpect(jsonPath("$.hits[0].kwic[0].match").value("pay"))
        .andExpect(jsonPath("$.hits[0].kwic[0].right").value(" band"))
        .andExpect(jsonPath("$.facets[0].buckets[0].label").value("Supervision"));
  }

  @Test
  void apiListsCodebookThemesWithCategoryLabelsAndDescriptions() throws Exception {
    mvc.perform(get("/api/categories"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.themes[0].id").value("making_the_role_work"))
        .andExpect(
            jsonPath("$.themes[0].categories[0].label")
                .value("Role clarity and shared understanding"))
        .andExpect(jsonPath("$.themes[0].categories[0].description").isNotEmpty())
        .andExpect(jsonPath("$.themes[0].categories[0].anyOf").doesNotExist());
  }

  private static ExtractSearchResult result(ExtractHit hit) {
    Facet category =
        new Facet(
            "category",
            "Category",
            List.of(new Facet.Bucket("supervision", "Supervision", 1, false)));
    return new ExtractSearchResult(
        1, 1, ExtractQuery.DEFAULT_SIZE, 0, List.of(hit), List.of(category), null, 3);
  }

  private static ThymeleafViewResolver thymeleaf() {
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
    templates.setPrefix("templates/");
    templates.setSuffix(".html");
    templates.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(templates);
    ThymeleafViewResolver resolver = new ThymeleafViewResolver();
    resolver.setTemplateEngine(engine);
    resolver.setCharacterEncoding("UTF-8");
    return resolver;
  }
}
