package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchLinksTest {

  private final SearchDimensions dimensions = SearchDimensions.forStudy(WebTestStudy.demo());

  @Test
  void linkOfTheDefaultQueryIsThePageItself() {
    assertThat(SearchLinks.url(ExtractQuery.everything())).isEqualTo("/");
  }

  @Test
  void linkReadsBackAsTheSameQueryEvenWithReservedCharacters() {
    // given
    ExtractQuery query =
        new ExtractQuery(
            "\"lived experience\" +pay & band=3 100%",
            Map.of("category", List.of("pay", "progression"), "employer", List.of("nhs")),
            4,
            50,
            SearchSort.CASE);

    // when
    String url = SearchLinks.url(query);

    // then
    assertThat(SearchParameters.parse(parseQueryString(url), dimensions)).isEqualTo(query);
  }

  @Test
  void pagerShowsFirstLastAndPagesAroundTheCurrentOne() {
    // given
    ExtractQuery page6 = ExtractQuery.everything().withPage(6);

    // when
    List<SearchLinks.PageLink> pages = SearchLinks.pages(page6, 20, "extracts");

    // then
    assertThat(pages)
        .extracting(SearchLinks.PageLink::number)
        .containsExactly(1, 4, 5, 6, 7, 8, 20);
    assertThat(pages)
        .filteredOn(SearchLinks.PageLink::current)
        .singleElement()
        .satisfies(p -> assertThat(p.url()).isNull());
    assertThat(SearchLinks.previous(page6, "extracts")).isEqualTo("/?page=5");
    assertThat(
            SearchLinks.next(
                page6,
                new ExtractSearchResult(120, 6, 20, 100, List.of(), List.of(), null, 0),
                "kwic"))
        .isNull();
  }

  @Test
  void pastTheLastNumberedPageTheNextLinkCarriesTheCursorAndView() {
    // given the last page from/size can reach, with more hits beyond it
    ExtractQuery last = new ExtractQuery("pay", Map.of(), 100, 100, SearchSort.RELEVANCE);
    ExtractSearchResult result =
        new ExtractSearchResult(12_000, 100, 100, 9_900, List.of(), List.of(), "abc-_1", 0);

    // when
    String next = SearchLinks.next(last, result, "kwic");

    // then
    assertThat(next).isEqualTo("/?q=pay&size=100&cursor=abc-_1&view=kwic");
    assertThat(SearchLinks.previous(last.withCursor("abc"), "extracts")).isNull();
  }

  @Test
  void exportAndContextLinksCarryTheWordsAndFiltersButNotThePosition() {
    ExtractQuery query =
        new ExtractQuery(
            "pay gap",
            Map.of("stakeholder_group", List.of("commissioner")),
            3,
            20,
            SearchSort.CASE);

    assertThat(SearchLinks.exportUrl(query))
        .isEqualTo("/api/export.csv?q=pay+gap&stakeholder_group=commissioner&sort=case");
    assertThat(SearchLinks.contextUrl("a/b", query)).isEqualTo("/extracts/a%2Fb?q=pay+gap");
  }

  @Test
  void meaningAndMoreLikeThisLinksReadBackAsTheSameQuery() {
    // given a search by meaning in a filter
    ExtractQuery meaning =
        new ExtractQuery(
                "salary unfair",
                Map.of("stakeholder_group", List.of("commissioner")),
                1,
                20,
                SearchSort.RELEVANCE)
            .withMode(SearchMode.MEANING);

    // when
    String meaningUrl = SearchLinks.url(meaning.withPage(2));
    String likeUrl = SearchLinks.likeUrl("seg/7", meaning);

    // then both read back as asked; "more like this" keeps the filters, not the words
    assertThat(SearchParameters.parse(parseQueryString(meaningUrl), dimensions))
        .isEqualTo(meaning.withPage(2));
    ExtractQuery like = SearchParameters.parse(parseQueryString(likeUrl), dimensions);
    assertThat(like.like()).isEqualTo("seg/7");
    assertThat(like.text()).isEmpty();
    assertThat(like.filters()).isEqualTo(meaning.filters());
    assertThat(like.byMeaning()).isTrue();
  }

  private static MultiValueMap<String, String> parseQueryString(String url) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    String query = URI.create(url).getRawQuery();
    for (String pair : query.split("&")) {
      String[] nameValue = pair.split("=", 2);
      params.add(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return params;
  }
}
