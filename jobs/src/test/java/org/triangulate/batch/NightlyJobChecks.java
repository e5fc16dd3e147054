package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedIds;
import org.triangulate.stats.NightStatsFilesCheck;

/**
 * The nightly job end to end on the demo study, against the real PostgreSQL (a throw-away schema in
 * database {@code test}), a real Elasticsearch node and real CoreNLP models: {@link DemoNightIT}'s
 * night, run again, and further nights.
 */
abstract class NightlyJobChecks {

  private static final Path HOME = PipelineTestSupport.HOME;
  private static final Path OUT = DemoNightIT.SUPPORT.out;
  private static final Path DEMO = HOME.resolve("data-in/demo");

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void runsTheDemoTwiceWithOneDocumentPerSegmentAndNothingLost() throws Exception {
    // given the demo study, counted in its files: data rows of each CSV (all valid, see
    // data-in/demo/README.md) and the transcripts (.txt and .docx)
    long cases = dataRows("cases.csv");
    long participants = dataRows("participants.csv");
    long responses = dataRows("responses.csv");
    long transcripts = transcriptFiles(".txt") + transcriptFiles(".docx");

    // when the night runs (DemoNightIT's, with the ids it indexed), then runs again
    RunReport first = DemoNightIT.night();
    Set<String> firstIds = DemoNightIT.nightIds();
    RunReport second = runner.run(DemoNightIT.NIGHT);

    // then both complete, and every input balances: read = loaded + quarantined
    assertThat(first.status()).isEqualTo("COMPLETED");
    assertThat(second.status()).isEqualTo("COMPLETED");
    for (RunReport report : List.of(first, second)) {
      assertThat(report.inputs())
          .allSatisfy(in -> assertThat(in.read()).isEqualTo(in.loaded() + in.quarantined()));
      assertThat(report.inputs())
          .filteredOn(in -> !in.file().endsWith(".qdpx"))
          .extracting(
              RunReport.InputLine::file,
              RunReport.InputLine::read,
              RunReport.InputLine::loaded,
              RunReport.InputLine::quarantined)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cases.csv", cases, cases, 0L),
              org.assertj.core.groups.Tuple.tuple(
                  "participants.csv", participants, participants, 0L),
              org.assertj.core.groups.Tuple.tuple("responses.csv", responses, responses, 0L),
              org.assertj.core.groups.Tuple.tuple("transcripts/", transcripts, transcripts, 0L));
    }
    assertThat(
            jdbc.queryForObject("select count(*) from response where study = 'demo'", Long.class))
        .isEqualTo(responses);

    // and the index holds exactly the store's segments, under the same ids both times
    long segments =
        jdbc.queryForObject("select count(*) from segment where study = 'demo'", Long.class);
    assertThat(segments).isGreaterThan(transcripts * 4);
    Set<String> secondIds = indexedIds();
    assertThat(secondIds).hasSize((int) segments).isEqualTo(firstIds);
    assertThat(
            jdbc.queryForList("select segment_id from segment where study = 'demo'", String.class))
        .containsExactlyInAnyOrderElementsOf(secondIds);
    // the second run did not re-annotate unchanged transcripts
    assertThat(second.steps())
        .filteredOn(s -> s.step().equals("annotateTranscriptsStep"))
        .singleElement()
        .satisfies(s -> assertThat(s.read()).isZero());
    // nor code or index again: the live index already held exactly these extracts
    assertThat(second.steps())
        .extracting(RunReport.StepLine::step)
        .doesNotContain("autoCodeSegmentsStep", "indexExtractsStep", "swapExtractAliasStep")
        .contains("itemStatisticsStep", "writeSynthesisPacksStep");
    assertThat(second.outputs().get("index")).contains("kept");
  }

  @Test
  void writesItemsAndComparisonsCsvThatEqualTheScipyReferenceCellByCell() throws Exception {
    // given a completed night, which loads the answers and groups with its own SQL
    RunReport night = runner.run(LocalDate.of(2026, 11, 29));
    assertThat(night.status()).as(night.toText()).isEqualTo("COMPLETED");
    assertThat(night.steps()).extracting(RunReport.StepLine::step).contains("itemStatisticsStep");

    // then the statistics files it wrote hold make_reference.py's numbers, every cell
    NightStatsFilesCheck.assertMatchesReference(OUT.resolve("demo/stats"));
  }

  @Test
  void writesAPackWithNumbersBesideQuotesFromTheIndex() throws Exception {
    // given a completed night
    runner.run(LocalDate.of(2026, 11, 28));

    // then the pack's quotes.csv lists quotes that are segments in the index, and the HTML shows
    // them
    Path pack = OUT.resolve("demo/packs/workshop-all");
    String html = Files.readString(pack.resolve("index.html"));
    List<CSVRecord> quotes =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(pack.resolve("quotes.csv")))
            .getRecords();
    assertThat(quotes).isNotEmpty();
    Set<String> indexed = indexedIds();
    for (CSVRecord quote : quotes) {
      assertThat(indexed).contains(quote.get("extract_id"));
      // Compared as text: Thymeleaf may write "—" or "’" as characters or as entities.
      String text = quote.get("text");
      assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(html))
          .contains(text.substring(0, Math.min(40, text.length())));
    }
    assertThat(html).containsPattern("\\d+%").contains("<svg");
    assertThat(html)
        .as("opens offline: no external resource")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
  }

  private static long dataRows(String csv) throws java.io.IOException {
    try (var lines = Files.lines(DEMO.resolve(csv), StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).count() - 1;
    }
  }

  private static long transcriptFiles(String extension) throws java.io.IOException {
    try (var files = Files.list(DEMO.resolve("transcripts"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(extension)).count();
    }
  }

  /** Every document id under the alias, paged with search_after (the demo has over 10,000). */
  private Set<String> indexedIds() throws Exception {
    return IndexedIds.of(elasticsearch, ExtractIndexMapping.alias("demo"));
  }
}
