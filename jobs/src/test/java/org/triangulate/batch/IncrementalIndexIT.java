package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.index.TestElasticsearch;

/**
 * Two nights over the demo study (a copy of its inputs) with one transcript changed and one removed
 * in between: the second night updates the live index in place, reading and writing only the
 * changed transcript's documents and deleting the removed one's. Real PostgreSQL, Elasticsearch,
 * CoreNLP.
 */
@PipelineIntegrationTest
class IncrementalIndexIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final Path HOME = PipelineTestSupport.HOME;
  // Without the demo's REFI-QDA project: it stages its own text for a removed transcript, which
  // would add documents this test does not count.
  private static final Path IN = support.copyDemoSubset(12);
  private static final String ALIAS = ExtractIndexMapping.alias("demo");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, IN, () -> TestElasticsearch.url());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired ExtractIndexAdmin admin;

  @Test
  void givenAChangedAndARemovedTranscript_whenTheNextNightRuns_thenOnlyTheirDocumentsChange()
      throws Exception {
    // given a first night, then one transcript gains a turn and another is withdrawn
    Path transcripts = IN.resolve("demo/transcripts");
    List<String> texts;
    try (Stream<Path> files = Files.list(transcripts)) {
      texts =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".txt"))
              .sorted()
              .map(n -> n.substring(0, n.length() - 4))
              .toList();
    }
    String changed = texts.get(0);
    String removed = texts.get(1);
    RunReport first = runner.run(LocalDate.of(2026, 11, 26));
    Set<String> live = admin.aliasedIndices(ALIAS);
    Set<String> removedSegments = segmentsOf(removed);
    long changedBefore = segmentsOf(changed).size();
    Files.writeString(
        transcripts.resolve(changed + ".txt"),
        "\n\nInterviewer: Anything to add?\n\nRespondent: Only that supervision matters most.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.delete(transcripts.resolve(removed + ".txt"));

    // when
    RunReport second = runner.run(LocalDate.of(2026, 11, 27));

    // then the same index is live and holds exactly the store's segments
    assertThat(first.status()).as(first.toText()).isEqualTo("COMPLETED");
    assertThat(first.steps()).extracting(RunReport.StepLine::status).containsOnly("COMPLETED");
    assertThat(second.status()).as(second.toText()).isEqualTo("COMPLETED");
    assertThat(step(second, "swapExtractAliasStep").status()).isEqualTo("COMPLETED");
    assertThat(admin.aliasedIndices(ALIAS)).isEqualTo(live);
    Set<String> store =
        new HashSet<>(
            jdbc.queryForList("select segment_id from segment where study = 'demo'", String.class));
    assertThat(indexedIds()).isEqualTo(store);
    assertThat(removedSegments).isNotEmpty();
    assertThat(indexedIds()).doesNotContainAnyElementsOf(removedSegments);
    // and only the changed transcript's segments were written (their ids changed with its
    // checksum); every stored segment is read and compared with the fingerprint of its document,
    // because a document also carries what changes outside its transcript (codings, answers)
    long changedAfter = segmentsOf(changed).size();
    assertThat(changedAfter).isEqualTo(changedBefore + 2);
    RunReport.StepLine index = step(second, "indexExtractsStep");
    assertThat(index.read()).isEqualTo(store.size());
    assertThat(index.written()).isEqualTo(changedAfter);
    assertThat(index.skipped()).isZero();

    // when, on a third night, one more transcript gains a turn and none is removed
    String edited = texts.get(2);
    Files.writeString(
        transcripts.resolve(edited + ".txt"),
        "\n\nInterviewer: Anything else?\n\nRespondent: No, that is all.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    RunReport third = runner.run(LocalDate.of(2026, 11, 28));

    // then only that transcript's segments are read and written, and the index is the store's
    assertThat(third.status()).as(third.toText()).isEqualTo("COMPLETED");
    Set<String> storeAfter =
        new HashSet<>(
            jdbc.queryForList("select segment_id from segment where study = 'demo'", String.class));
    assertThat(indexedIds()).isEqualTo(storeAfter);
    RunReport.StepLine thirdIndex = step(third, "indexExtractsStep");
    assertThat(thirdIndex.read()).isEqualTo(segmentsOf(edited).size());
    assertThat(thirdIndex.written()).isEqualTo(segmentsOf(edited).size());
  }

  private Set<String> segmentsOf(String participant) {
    return new HashSet<>(
        jdbc.queryForList(
            "select segment_id from segment where study = 'demo' and participant_id = ?",
            String.class,
            participant));
  }

  private static RunReport.StepLine step(RunReport report, String name) {
    return report.steps().stream().filter(s -> s.step().equals(name)).findFirst().orElseThrow();
  }

  private Set<String> indexedIds() throws Exception {
    return IndexedIds.of(elasticsearch, ALIAS);
  }
}
