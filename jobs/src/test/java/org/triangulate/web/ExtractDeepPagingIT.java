package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;

/**
 * Paging past Elasticsearch's 10,000-hit window with cursors (search_after in a point in time), and
 * the CSV export of every hit, over 12,345 extracts on the real test node.
 */
class ExtractDeepPagingIT {

  private static final Study STUDY = WebTestStudy.demoNamed("deep-it");
  private static final String INDEX = ExtractIndexMapping.alias(STUDY.name()) + "-1";
  private static final int COUNT = 12_345;
  private static final List<String> GROUPS = List.of("commissioner", "peer_worker", "service_user");

  private static ElasticsearchClient client;
  private static ExtractSearchService search;

  @BeforeAll
  static void indexExtracts() throws Exception {
    client = TestElasticsearch.client();
    TestElasticsearch.createExtractIndex(client, STUDY, INDEX, true);
    try (ExtractBulkIndexer indexer =
        new ExtractBulkIndexer(client, INDEX, BulkSettings.of(2_000, 10_000_000, 2, 50, 5))) {
      for (int i = 0; i < COUNT; i++) {
        indexer.index(document(i));
      }
      assertThat(indexer.drain().indexed()).isEqualTo(COUNT);
    }
    client.indices().refresh(r -> r.index(INDEX));
    search = new ExtractSearchService(client, STUDY, ExtractSearchServiceIT.ANALYZER);
  }

  @AfterAll
  static void deleteIndex() throws IOException {
    client.indices().delete(d -> d.index(INDEX));
    client.close();
  }

  @Test
  void givenMoreThanTenThousandHits_whenFollowingCursors_thenEveryExtractComesOnceInOrder() {
    // given the first page by number
    ExtractQuery first = new ExtractQuery("", Map.of(), 1, 100, SearchSort.CASE);
    ExtractSearchResult page = search.search(first);
    List<String> seen = new java.util.ArrayList<>(ids(page));

    // when following each page's cursor to the end
    int pages = 1;
    while (page.nextCursor() != null) {
      page = search.search(first.withCursor(page.nextCursor()));
      assertThat(page.offset()).isEqualTo(seen.size());
      seen.addAll(ids(page));
      pages++;
    }

    // then
    assertThat(page.total()).isEqualTo(COUNT);
    assertThat(pages).isEqualTo((COUNT + 99) / 100);
    assertThat(new HashSet<>(seen)).hasSize(COUNT);
    assertThat(seen).isSortedAccordingTo(String::compareTo); // case order = id order here
  }

  @Test
  void givenACursorOfAnotherSearch_whenSearching_thenRefusesIt() {
    ExtractSearchResult pay =
        search.search(new ExtractQuery("pay", Map.of(), 1, 10, SearchSort.CASE));

    assertThatThrownBy(() ->
            search.search(
                new ExtractQuery("training", Map.of(), 1, 10, SearchSort.CASE)
                    .withCursor(pay.nextCursor())))
        .isInstanceOf(BadSearchRequestException.class)
        .hasMessageContaining("belongs to another search");
  }

  @Test
  void givenAFilteredSearch_whenExporting_thenTheCsvHasOneRowPerHit() throws Exception {
    // given
    ExtractQuery commissionersOnPay =
        new ExtractQuery(
            "pay",
            Map.of("stakeholder_group", List.of("commissioner")),
            1,
            20,
            SearchSort.RELEVANCE);
    long total = search.search(commissionersOnPay).total();

    // when
    StringWriter out = new StringWriter();
    long written = new ExtractCsvExport(search).write(commissionersOnPay, out);

    // then: every second extract mentions pay, every third is a commissioner's
    long expected =
        java.util.stream.IntStream.range(0, COUNT).filter(i -> i % 2 == 0 && i % 3 == 0).count();
    assertThat(total).isEqualTo(expected);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords();
    assertThat(written).isEqualTo(total);
    assertThat(rows).hasSize((int) total);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.get("stakeholder_group")).isEqualTo("commissioner"));
    Set<String> distinct = new HashSet<>();
    rows.forEach(r -> distinct.add(r.get("id")));
    assertThat(distinct).hasSize((int) total);
  }

  private static List<String> ids(ExtractSearchResult result) {
    return result.hits().stream().map(ExtractHit::id).toList();
  }

  private static ExtractDocument document(int i) {
    String text = i % 2 == 0 ? "Our pay is band " + i + "." : "Training number " + i + ".";
    String lemmas = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
    String id = String.format("x%06d", i);
    return ExtractDocument.builder()
        .id(id)
        .study(STUDY.name())
        .text(text)
        .lemmas(lemmas)
        .stems(WordStems.ofLemmas(lemmas))
        .speakerRole("participant")
        .participantId("P01")
        .caseId("C01")
        .attributes(
            Map.of(
                "employer",
                "nhs",
                "org_context",
                "nhs_only",
                "setting",
                "inpatient",
                "stakeholder_group",
                GROUPS.get(i % 3)))
        .sourceFile("P01.txt")
        .startOffset(i)
        .endOffset(i + 1)
        .turnIndex(i)
        .deidentified(true)
        .runId(1L)
        .build();
  }
}
