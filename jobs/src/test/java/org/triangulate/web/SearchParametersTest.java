package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchParametersTest {

  private final SearchDimensions dimensions = SearchDimensions.forStudy(WebTestStudy.demo());

  @Test
  void noParametersMeanEverythingFirstPageByRelevance() {
    // when
    ExtractQuery query = SearchParameters.parse(params(), dimensions);

    // then
    assertThat(query).isEqualTo(ExtractQuery.everything());
    assertThat(query.from()).isZero();
  }

  @Test
  void readsWordsPagingOrderAndRepeatedFiltersOfEveryDimension() {
    // given
    MultiValueMap<String, String> params =
        params(
            "q",
            "  lived experience ",
            "page",
            "3",
            "size",
            "10",
            "sort",
            "case",
            "category",
            "training",
            "category",
            "pay",
            "theme",
            "support_and_development",
            "case",
            "C01",
            "role",
            "participant",
            "employer",
            "nhs",
            "stakeholder_group",
            "peer_worker");

    // when
    ExtractQuery query = SearchParameters.parse(params, dimensions);

    // then
    assertThat(query.text()).isEqualTo("lived experience");
    assertThat(query.page()).isEqualTo(3);
    assertThat(query.size()).isEqualTo(10);
    assertThat(query.from()).isEqualTo(20);
    assertThat(query.sort()).isEqualTo(SearchSort.CASE);
    assertThat(query.filters())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "category", List.of("training", "pay"),
                "theme", List.of("support_and_development"),
                "case", List.of("C01"),
                "role", List.of("participant"),
                "employer", List.of("nhs"),
                "stakeholder_group", List.of("peer_worker")));
  }

  @Test
  void ignoresBlankAndRepeatedFilterValues() {
    // given an unticked form field and a value given twice
    MultiValueMap<String, String> params =
        params("category", "", "category", "pay", "category", " pay ", "setting", " ");

    // when
    ExtractQuery query = SearchParameters.parse(params, dimensions);

    // then
    assertThat(query.filters()).isEqualTo(Map.of("category", List.of("pay")));
  }

  @Test
  void rejectsUnknownParameterNamingTheFiltersThatExist() {
    assertThatThrownBy(() -> SearchParameters.parse(params("colour", "red"), dimensions))
        .isInstanceOf(BadSearchRequestException.class)
        .hasMessageContaining("unknown parameter 'colour'")
        .hasMessageContaining("employer")
        .hasMessageContaining("stakeholder_group");
  }

  @Test
  void rejectsUnknownSort() {
    assertThatThrownBy(() -> SearchParameters.parse(params("sort", "date"), dimensions))
        .isInstanceOf(BadSearchRequestException.class)
        .hasMessageContaining("sort: 'date' is not one of relevance, case");
  }

  @Test
  void rejectsPageAndSizeOutOfRange() {
    assertThatThrownBy(() -> SearchParameters.parse(params("page", "0"), dimensions))
        .hasMessageContaining("page: must be 1 or more");
    assertThatThrownBy(() -> SearchParameters.parse(params("size", "101"), dimensions))
        .hasMessageContaining("size: must be between 1 and 100");
    assertThatThrownBy(() -> SearchParameters.parse(params("size", "0"), dimensions))
        .hasMessageContaining("size: must be between 1 and 100");
    assertThatThrownBy(() -> SearchParameters.parse(params("page", "two"), dimensions))
        .hasMessageContaining("page: 'two' is not a whole number");
  }

  @Test
  void rejectsPagesBeyondTheFromSizeWindow() {
    // given the last reachable page at size 100 is 100
    assertThat(SearchParameters.parse(params("page", "100", "size", "100"), dimensions).page())
        .isEqualTo(100);

    // then
    assertThatThrownBy(
            () -> SearchParameters.parse(params("page", "101", "size", "100"), dimensions))
        .hasMessageContaining(
            "page: only the first 10000 hits can be paged through (last page 100 at size 100)");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    // when
    BadSearchRequestException e =
        catchBad(params("q", "a", "q", "b", "page", "-1", "sort", "x", "colour", "red"));

    // then
    assertThat(e.problems()).hasSize(4);
    assertThat(e.problems()).anyMatch(p -> p.startsWith("q: give it once"));
  }

  @Test
  void rejectsOverlongWords() {
    assertThatThrownBy(() -> SearchParameters.parse(params("q", "x".repeat(1001)), dimensions))
        .hasMessageContaining("q: at most 1000 characters");
  }

  private static BadSearchRequestException catchBad(MultiValueMap<String, String> params) {
    try {
      SearchParameters.parse(params, SearchDimensions.forStudy(WebTestStudy.demo()));
    } catch (BadSearchRequestException e) {
      return e;
    }
    throw new AssertionError("expected a BadSearchRequestException");
  }

  @Test
  void readsTheModeAndTheExtractToFindMoreLike() {
    ExtractQuery meaning =
        SearchParameters.parse(params("q", "pay", "mode", "meaning"), dimensions);
    ExtractQuery like = SearchParameters.parse(params("like", " seg-1 "), dimensions);
    ExtractQuery words = SearchParameters.parse(params("q", "pay"), dimensions);

    assertThat(meaning.mode()).isEqualTo(SearchMode.MEANING);
    assertThat(meaning.byMeaning()).isTrue();
    assertThat(like.like()).isEqualTo("seg-1");
    assertThat(like.byMeaning()).isTrue();
    assertThat(words.mode()).isEqualTo(SearchMode.WORDS);
    assertThat(words.byMeaning()).isFalse();
    // Without words there is no meaning to search by.
    assertThat(SearchParameters.parse(params("mode", "meaning"), dimensions).byMeaning()).isFalse();
  }

  @Test
  void anUnknownModeIsNamedWithTheModesThereAre() {
    assertThatThrownBy(
            () -> SearchParameters.parse(params("q", "pay", "mode", "sense"), dimensions))
        .isInstanceOf(BadSearchRequestException.class)
        .hasMessageContaining("mode: 'sense' is not one of words, meaning");
  }

  private static MultiValueMap<String, String> params(String... namesAndValues) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }
}
