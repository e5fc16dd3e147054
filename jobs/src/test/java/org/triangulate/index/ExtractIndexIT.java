package org.triangulate.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.triangulate.TriangulateProperties;
import org.triangulate.index.FaultInjectingProxy.Fault;
import org.triangulate.study.Study;

/** Index lifecycle and bulk writing against the real test node, faults injected by a proxy. */
class ExtractIndexIT {

  private static final Study STUDY = IndexTestData.demoNamed("index-it");
  private static final BulkSettings FAST_RETRIES = BulkSettings.of(50, 5_000_000, 2, 10, 6);

  private static ElasticsearchClient client;
  private static ExtractIndexAdmin admin;

  @BeforeAll
  static void connect() {
    client = IndexTestData.client(TestElasticsearch.url());
    admin = new ExtractIndexAdmin(client, indexSettings(2, true));
  }

  @AfterAll
  static void deleteIndices() throws IOException {
    TestElasticsearch.deleteIndices(client, "index-it*");
    client.close();
  }

  private static TriangulateProperties.Index indexSettings(int keep, boolean incremental) {
    return new TriangulateProperties.Index(
        1, 0, keep, incremental, 500, DataSize.ofMegabytes(5), 2, Duration.ofMillis(10), 6);
  }

  @Test
  void
      givenTheEmbeddedDistribution_whenCreatingAnIndex_thenDetectsNoEnglishAnalyzerAndMapsStrictly()
          throws IOException {
    // when
    String index = admin.createIndex(STUDY, 1);

    // then the embedded distribution lacks analysis-common: standard exists, english does not
    assertThat(admin.hasAnalyzer("standard")).isTrue();
    assertThat(admin.hasAnalyzer("english")).isFalse();
    TypeMapping mapping = client.indices().getMapping(g -> g.index(index)).get(index).mappings();
    assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
    assertThat(mapping.properties().get("text").text().fields()).doesNotContainKey("english");
    assertThat(mapping.properties().get("attributes").object().properties())
        .containsOnlyKeys(
            java.util.stream.Stream.concat(
                    STUDY.caseAttributes().stream(), STUDY.participantAttributes().stream())
                .map(org.triangulate.study.Study.Attribute::id)
                .toList());
    assertThat(mapping.properties().get("stems").text().analyzer()).isEqualTo("standard");
    // the highlighter reads offsets from the postings instead of analysing each hit again
    assertThat(mapping.properties().get("text").text().indexOptions())
        .isEqualTo(co.elastic.clients.elasticsearch._types.mapping.IndexOptions.Offsets);
    assertThat(admin.layout(index))
        .isEqualTo(
            "v"
                + ExtractIndexMapping.VERSION
                + ";english=false;attributes="
                + java.util.stream.Stream.concat(
                        STUDY.caseAttributes().stream(), STUDY.participantAttributes().stream())
                    .map(org.triangulate.study.Study.Attribute::id)
                    .collect(java.util.stream.Collectors.joining(",")));
  }

  @Test
  void givenAClusterWithTheEnglishAnalyzer_whenMapping_thenTextGetsAnEnglishSubfield() {
    Property text = ExtractIndexMapping.forStudy(STUDY, true).properties().get("text");

    assertThat(text.text().fields().get("english").text().analyzer()).isEqualTo("english");
    assertThat(ExtractIndexMapping.layout(STUDY, true)).contains("english=true");
  }

  @Test
  void
      givenADocumentTheStrictMappingRefuses_whenIndexing_thenItIsRejectedWithTheReasonAndTheRestIndexed()
          throws Exception {
    // given one document with an attribute the study does not declare
    String index = admin.createIndex(STUDY, 2);
    Map<String, String> unknown = new HashMap<>(IndexTestData.extract("x", "x", "x").attributes());
    unknown.put("favourite_colour", "blue");

    // when
    ExtractBulkIndexer.Outcome outcome;
    try (ExtractBulkIndexer indexer = new ExtractBulkIndexer(client, index, FAST_RETRIES)) {
      indexer.index(IndexTestData.extract(STUDY.name(), "good-1", "Supervision helps."));
      indexer.index(IndexTestData.extract(STUDY.name(), "bad", "Odd one.", unknown));
      indexer.index(IndexTestData.extract(STUDY.name(), "good-2", "Training helps."));
      outcome = indexer.drain();
    }

    // then
    assertThat(outcome.indexed()).isEqualTo(2);
    assertThat(outcome.rejected())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.id()).isEqualTo("bad");
          assertThat(r.reason()).contains("strict_dynamic_mapping_exception");
          assertThat(ExtractQuarantine.of(r).location()).contains("bad").contains("characters 0-8");
          assertThat(ExtractQuarantine.of(r).fileName()).isEqualTo("P01.txt");
        });
    assertThat(admin.refreshAndCount(index)).isEqualTo(2);
  }

  @Test
  void
      givenTheClusterRefusesAndDropsConnections_whenIndexing_thenBacksOffRetriesAndIndexesEverything()
          throws Exception {
    // given a proxy answering the first bulk requests with 429, 503 and a dropped connection
    String index = admin.createIndex(STUDY, 3);
    List<ExtractDocument> documents =
        IntStream.range(0, 120)
            .mapToObj(i -> IndexTestData.extract(STUDY.name(), "doc-" + i, "Supervision " + i))
            .toList();
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(TestElasticsearch.url());
        ElasticsearchClient viaProxy = IndexTestData.client(proxy.url())) {
      proxy.inject(
          Fault.TOO_MANY_REQUESTS,
          Fault.UNAVAILABLE,
          Fault.DROP_CONNECTION,
          Fault.TOO_MANY_REQUESTS);

      // when
      ExtractBulkIndexer.Outcome outcome;
      try (ExtractBulkIndexer indexer = new ExtractBulkIndexer(viaProxy, index, FAST_RETRIES)) {
        documents.forEach(indexer::index);
        outcome = indexer.drain();
      }

      // then every document arrived once, after the four faulted requests were retried
      assertThat(outcome.indexed()).isEqualTo(120);
      assertThat(outcome.rejected()).isEmpty();
      assertThat(outcome.retried()).isGreaterThanOrEqualTo(4);
      assertThat(proxy.bulkRequests()).isGreaterThanOrEqualTo(3 + 4);
    }
    assertThat(admin.refreshAndCount(index)).isEqualTo(120);
  }

  @Test
  void givenTheClusterKeepsRefusing_whenRetriesRunOut_thenIndexingFailsNamingTheDocument()
      throws Exception {
    String index = admin.createIndex(STUDY, 4);
    BulkSettings twoRetries = BulkSettings.of(10, 5_000_000, 1, 5, 2);
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(TestElasticsearch.url());
        ElasticsearchClient viaProxy = IndexTestData.client(proxy.url());
        ExtractBulkIndexer indexer = new ExtractBulkIndexer(viaProxy, index, twoRetries)) {
      proxy.inject(Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE);
      indexer.index(IndexTestData.extract(STUDY.name(), "doomed", "Supervision."));

      assertThatThrownBy(indexer::drain)
          .isInstanceOf(BulkIndexingException.class)
          .hasMessageContaining("doomed")
          .hasMessageContaining("after 2 retries");
    }
  }

  @Test
  void givenThreeRebuilds_whenSwappingTheAlias_thenOnlyTheNewestIsLiveAndTwoAreKept()
      throws Exception {
    // given a study of its own, so other tests' indices don't count
    Study study = IndexTestData.demoNamed("index-it-swap");
    List<String> created = new ArrayList<>();
    for (int run = 1; run <= 3; run++) {
      String index = admin.createIndex(study, run);
      created.add(index);
      // when each night's index is published in turn
      admin.swapAlias(study.name(), index);
      admin.deleteOldIndices(study.name());
      Thread.sleep(1_100); // index names carry the second they were made
    }

    // then
    assertThat(admin.aliasedIndices(ExtractIndexMapping.alias(study.name())))
        .containsExactly(created.get(2));
    assertThat(client.indices().get(g -> g.index("index-it-swap-extracts-*")).indices().keySet())
        .containsExactlyInAnyOrder(created.get(1), created.get(2));
  }

  @Test
  void givenALiveIndexOfTheSameLayout_whenPlanning_thenUpdatesItElseRebuilds() {
    // given
    Study study = IndexTestData.demoNamed("index-it-plan");
    ExtractIndexPlan first = admin.plan(study, 1);
    admin.swapAlias(study.name(), first.index());

    // when
    ExtractIndexPlan second = admin.plan(study, 2);
    ExtractIndexPlan forcedFull =
        new ExtractIndexAdmin(client, indexSettings(2, false)).plan(study, 3);
    Study fewerAttributes =
        new Study(
            study.name(),
            study.title(),
            study.caseAttributes().subList(0, 1),
            study.participantAttributes(),
            study.groupings(),
            study.domains(),
            study.items(),
            study.happening(),
            study.importance(),
            study.patterns(),
            study.quotes(),
            study.deidentify(),
            study.packs(),
            study.languages(),
            study.alignment(),
            study.codebook());
    ExtractIndexPlan relaid = admin.plan(fewerAttributes, 4);

    // then
    assertThat(first.incremental()).isFalse();
    assertThat(second.incremental()).isTrue();
    assertThat(second.index()).isEqualTo(first.index());
    assertThat(forcedFull.incremental()).isFalse();
    assertThat(forcedFull.index()).isNotEqualTo(first.index());
    assertThat(relaid.incremental()).isFalse();
    assertThat(relaid.reason()).contains("layout");
  }

  @Test
  void givenAnIndex_whenReadingFingerprints_thenPagesThroughEveryDocument() throws Exception {
    String index = admin.createIndex(STUDY, 5);
    List<ExtractDocument> documents =
        IntStream.range(0, 6_000)
            .mapToObj(i -> IndexTestData.extract(STUDY.name(), "fp-" + i, "Pay " + i))
            .toList();
    try (ExtractBulkIndexer indexer =
        new ExtractBulkIndexer(client, index, BulkSettings.of(1_000, 5_000_000, 2, 10, 3))) {
      documents.forEach(indexer::index);
      indexer.drain();
    }
    admin.refreshAndCount(index);

    Map<String, String> fingerprints = IndexedFingerprints.of(client, index);

    assertThat(fingerprints).hasSize(6_000);
    assertThat(fingerprints.get("fp-4321")).isEqualTo(documents.get(4321).fingerprint());
  }
}
