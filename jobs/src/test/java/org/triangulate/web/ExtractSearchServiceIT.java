package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;
import org.triangulate.web.MarkedText.Part;

/**
 * The search against a real Elasticsearch node: six extracts of the demo study's design, indexed
 * under a study name of this test's own so no other test's alias interferes.
 */
class ExtractSearchServiceIT {

  private static final Study STUDY = WebTestStudy.demoNamed("websearch-it");
  private static final String INDEX =
      ExtractIndexMapping.alias(STUDY.name()) + "-" + System.currentTimeMillis();

  /** Real CoreNLP, as the search runs it. */
  static final QueryAnalyzer ANALYZER = new QueryAnalyzer(new CoreNlpQueryLemmatizer());

  private static ElasticsearchClient client;
  private static ExtractSearchService search;

  @BeforeAll
  static void indexExtracts() throws IOException {
    client = TestElasticsearch.client();
    TestElasticsearch.createExtractIndex(client, STUDY, INDEX, true);
    List<BulkOperation> operations =
        List.of(
            doc(
                "e1",
                "C01",
                "P01",
                "peer_worker",
                ExtractDocument.PARTICIPANT_ROLE,
                1,
                "My supervisor gives me supervision every fortnight.",
                "my supervisor give I supervision every fortnight .",
                List.of("supervision"),
                List.of("support_and_development")),
            doc(
                "e2",
                "C01",
                "P02",
                "line_manager",
                ExtractDocument.PARTICIPANT_ROLE,
                1,
                "We were supervising the new peer workers closely.",
                "we be supervise the new peer worker closely .",
                List.of("supervision"),
                List.of("support_and_development")),
            doc(
                "e3",
                "C02",
                "P03",
                "peer_worker",
                ExtractDocument.PARTICIPANT_ROLE,
                1,
                "The training course covered boundaries and disclosure.",
                "the training course cover boundary and disclosure .",
                List.of("training", "boundaries"),
                List.of("support_and_development", "making_the_role_work")),
            doc(
                "e4",
                "C02",
                "P04",
                "service_user",
                ExtractDocument.PARTICIPANT_ROLE,
                1,
                "Nobody understood what the peer worker role was.",
                "nobody understand what the peer worker role be .",
                List.of("role_clarity"),
                List.of("making_the_role_work")),
            doc(
                "e5",
                "C03",
                "P05",
                "coworker",
                ExtractDocument.PARTICIPANT_ROLE,
                1,
                "Pay is on band three, lower than other staff.",
                "pay be on band three , lower than other staff .",
                List.of("pay"),
                List.of("reward_and_progression")),
            doc(
                "e6",
                "C01",
                "P01",
                "peer_worker",
                ExtractDocument.INTERVIEWER_ROLE,
                0,
                "Can you tell me about supervision?",
                "can you tell I about supervision ?",
                List.of(),
                List.of()));
    BulkResponse bulk =
        client.bulk(b -> b.index(INDEX).refresh(Refresh.True).operations(operations));
    assertThat(bulk.errors()).as("bulk errors: %s", bulk.items()).isFalse();
    search = new ExtractSearchService(client, STUDY, ANALYZER);
  }

  @AfterAll
  static void deleteIndex() throws IOException {
    if (client != null) {
      client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
      client.close();
    }
  }

  @Test
  void givenExtracts_whenSearchingAWordOfParticipants_thenFindsItsFormsWithTheExactWordFirst() {
    // when
    ExtractSearchResult result =
        search.search(query("supervision", Map.of("role", List.of("participant"))));

    // then e1 says "supervision"; e2 says "supervising", the same stem
    assertThat(ids(result)).containsExactly("e1", "e2");
    ExtractHit hit = result.hits().getFirst();
    assertThat(hit.highlights())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.plainText()).isEqualTo(hit.text());
          assertThat(h.parts()).contains(new Part("supervision", true));
        });
    assertThat(hit.kwic())
        .singleElement()
        .isEqualTo(new Kwic("My supervisor gives me ", "supervision", " every fortnight."));
    assertThat(hit.attributes())
        .containsEntry("employer", "nhs")
        .containsEntry("stakeholder_group", "peer_worker");
    assertThat(hit.categories()).containsExactly("supervision");
    assertThat(hit.sourceFile()).isEqualTo("P01.txt");
  }

  @Test
  void givenAnInflectedWord_whenSearching_thenFindsDerivedFormsThroughLemmaStemsAndMarksThem() {
    // when "supervising" (lemma "supervise", stem "supervis") is searched
    ExtractSearchResult result = search.search(query("supervising", Map.of()));

    // then extracts saying "supervision" are found too, with that word marked
    assertThat(ids(result)).containsExactlyInAnyOrder("e1", "e2", "e6");
    assertThat(ids(result).getFirst()).isEqualTo("e2");
    assertThat(hit(result, "e1").highlights().getFirst().parts())
        .contains(new Part("supervision", true))
        .doesNotContain(new Part("supervisor", true));
    assertThat(hit(result, "e2").highlights().getFirst().parts())
        .contains(new Part("supervising", true));
  }

  @Test
  void givenAnExcludedWord_whenSearching_thenExtractsWithAnyFormOfItAreLeftOut() {
    assertThat(ids(search.search(query("peer -supervision", Map.of())))).containsExactly("e4");
  }

  @Test
  void givenSeveralWords_whenSearching_thenEveryWordMustMatchInTextOrLemmas() {
    // "peer" is in e2's text, "supervise" only in its lemmas; e4 has "peer" but no supervising
    assertThat(ids(search.search(query("peer supervise", Map.of())))).containsExactly("e2");
  }

  @Test
  void givenFilters_whenFilteringByCategoryAndAttribute_thenOnlyMatchingExtractsRemain() {
    assertThat(ids(search.search(query("", Map.of("category", List.of("training"))))))
        .containsExactly("e3");
    assertThat(ids(search.search(query("", Map.of("category", List.of("training", "pay"))))))
        .containsExactlyInAnyOrder("e3", "e5");
    assertThat(ids(search.search(query("", Map.of("employer", List.of("voluntary"))))))
        .containsExactlyInAnyOrder("e3", "e4");
    assertThat(
            ids(
                search.search(
                    query(
                        "",
                        Map.of(
                            "category",
                            List.of("supervision"),
                            "stakeholder_group",
                            List.of("line_manager"))))))
        .containsExactly("e2");
    assertThat(
            ids(
                search.search(
                    query(
                        "",
                        Map.of("theme", List.of("making_the_role_work"), "case", List.of("C02"))))))
        .containsExactlyInAnyOrder("e3", "e4");
  }

  @Test
  void givenNoFilter_whenSearchingEverything_thenFacetCountsEqualTheExtractsIndexedPerValue() {
    // when
    ExtractSearchResult result = search.search(query("", Map.of()));

    // then
    assertThat(result.total()).isEqualTo(6);
    assertThat(counts(result, "category"))
        .isEqualTo(
            Map.of(
                "supervision",
                2L,
                "training",
                1L,
                "boundaries",
                1L,
                "role_clarity",
                1L,
                "pay",
                1L));
    assertThat(counts(result, "theme"))
        .isEqualTo(
            Map.of(
                "support_and_development",
                3L,
                "making_the_role_work",
                2L,
                "reward_and_progression",
                1L));
    assertThat(counts(result, "employer")).isEqualTo(Map.of("nhs", 4L, "voluntary", 2L));
    assertThat(counts(result, "stakeholder_group"))
        .isEqualTo(
            Map.of("peer_worker", 3L, "line_manager", 1L, "service_user", 1L, "coworker", 1L));
    assertThat(counts(result, "case")).isEqualTo(Map.of("C01", 3L, "C02", 2L, "C03", 1L));
    assertThat(counts(result, "role")).isEqualTo(Map.of("participant", 5L, "interviewer", 1L));
    assertThat(facet(result, "employer").buckets())
        .anySatisfy(b -> {
          assertThat(b.value()).isEqualTo("voluntary");
          assertThat(b.label()).isEqualTo("Voluntary sector");
        });
  }

  @Test
  void givenACategoryTicked_whenCounting_thenItsSiblingsKeepTheirCountsAndOtherFacetsNarrow() {
    // when
    ExtractSearchResult result = search.search(query("", Map.of("category", List.of("training"))));

    // then
    assertThat(counts(result, "category"))
        .containsEntry("supervision", 2L)
        .containsEntry("training", 1L);
    assertThat(facet(result, "category").buckets())
        .filteredOn(Facet.Bucket::selected)
        .extracting(Facet.Bucket::value)
        .containsExactly("training");
    assertThat(counts(result, "employer")).isEqualTo(Map.of("voluntary", 1L));
  }

  @Test
  void givenCaseOrder_whenPaging_thenReadsInterviewsInOrderTwoAtATime() {
    // when
    ExtractSearchResult page2 =
        search.search(new ExtractQuery("", Map.of(), 2, 2, SearchSort.CASE));

    // then C01/P01 turn 0 (e6) and turn 1 (e1) fill page 1
    assertThat(ids(page2)).containsExactly("e2", "e3");
    assertThat(page2.total()).isEqualTo(6);
    assertThat(page2.pageCount()).isEqualTo(3);
  }

  @Test
  void givenNoIndexForTheStudy_whenSearching_thenSaysTheNightlyJobMustRunFirst() {
    ExtractSearchService unindexed =
        new ExtractSearchService(client, WebTestStudy.demoNamed("never-indexed"), ANALYZER);

    assertThatThrownBy(() -> unindexed.search(ExtractQuery.everything()))
        .isInstanceOf(SearchUnavailableException.class)
        .hasMessageContaining("no extracts index 'never-indexed-extracts' yet");
  }

  @Test
  void givenTheIndexedStudy_whenCheckingHealth_thenTheExtractsComponentIsUp() {
    Health health = new ExtractsHealthIndicator(client, STUDY).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("alias", "websearch-it-extracts");
  }

  @Test
  void givenNoIndexForTheStudy_whenCheckingHealth_thenOutOfServiceSayingTheNightMustRun() {
    Health health =
        new ExtractsHealthIndicator(client, WebTestStudy.demoNamed("never-indexed")).health();

    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(health.getDetails().get("message").toString())
        .contains("no index behind 'never-indexed-extracts'");
  }

  private static ExtractHit hit(ExtractSearchResult result, String id) {
    return result.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
  }

  private static ExtractQuery query(String text, Map<String, List<String>> filters) {
    return new ExtractQuery(text, filters, 1, ExtractQuery.DEFAULT_SIZE, SearchSort.RELEVANCE);
  }

  private static List<String> ids(ExtractSearchResult result) {
    return result.hits().stream().map(ExtractHit::id).toList();
  }

  private static Facet facet(ExtractSearchResult result, String id) {
    return result.facets().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Long> counts(ExtractSearchResult result, String id) {
    return facet(result, id).buckets().stream()
        .collect(Collectors.toMap(Facet.Bucket::value, Facet.Bucket::count));
  }

  private static BulkOperation doc(
      String id,
      String caseId,
      String participant,
      String group,
      String role,
      int turn,
      String text,
      String lemmas,
      List<String> categories,
      List<String> themes) {
    Map<String, String> caseAttributes =
        switch (caseId) {
          case "C01" ->
              Map.of("employer", "nhs", "org_context", "nhs_only", "setting", "inpatient");
          case "C02" ->
              Map.of(
                  "employer", "voluntary", "org_context", "voluntary_only", "setting", "community");
          default ->
              Map.of("employer", "nhs", "org_context", "partnership", "setting", "bme_specific");
        };
    Map<String, String> attributes = new HashMap<>(caseAttributes);
    attributes.put("stakeholder_group", group);
    ExtractDocument document =
        ExtractDocument.builder()
            .id(id)
            .study(STUDY.name())
            .text(text)
            .lemmas(lemmas)
            .stems(WordStems.ofLemmas(lemmas))
            .speakerRole(role)
            .participantId(participant)
            .caseId(caseId)
            .attributes(attributes)
            .categories(categories)
            .themes(themes)
            .codingProvenance(categories.stream().map(c -> "rule:" + c).toList())
            .sourceFile(participant + ".txt")
            .startOffset(0)
            .endOffset(text.length())
            .turnIndex(turn)
            .deidentified(true)
            .runId(1L)
            .build();
    return BulkOperation.of(o -> o.index(i -> i.id(id).document(document)));
  }
}
