package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;

/**
 * Every output a night reports exists after it: after a completed night of the demo study, each
 * output is deleted in turn and the night run again with no input changed; the output is back
 * (byte-identical where it is deterministic) and the run report says it was built again and why.
 * Then the store is emptied with the outputs kept (a new machine with old outputs copied over): the
 * night builds everything from the inputs and takes none of the old outputs for its own. Real
 * PostgreSQL, Elasticsearch, CoreNLP.
 */
@PipelineIntegrationTest
class MissingOutputsIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  // A dozen transcripts: enough for every output, few enough to annotate twice.
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

  private LocalDate night = LocalDate.of(2026, 12, 1);

  @Test
  void givenACompletedNight_whenOutputsGoMissing_thenTheNextNightBuildsThemAgain()
      throws Exception {
    // given a completed night and the bytes of its deterministic outputs
    RunReport first = nextNight();
    assertThat(first.succeeded()).as(first.toText()).isTrue();
    Path out = support.out.resolve("demo");
    Path export = out.resolve("export/demo.qdpx");
    Path stats = out.resolve("stats");
    Path workshop = out.resolve("packs/workshop-all");
    Path casePack = firstCasePack(out.resolve("packs"));
    Map<Path, byte[]> deterministic = new LinkedHashMap<>();
    for (Path file :
        List.of(
            export,
            stats.resolve("items.csv"),
            stats.resolve("comparisons.csv"),
            stats.resolve("patterns.csv"),
            workshop.resolve("quotes.csv"),
            workshop.resolve(".content.sha256"),
            casePack.resolve("quotes.csv"),
            casePack.resolve(".content.sha256"))) {
      deterministic.put(file, Files.readAllBytes(file));
    }
    assertOnlyExistingOutputs(first);

    // when the export goes missing, then it is written again, byte for byte
    Files.delete(export);
    RunReport afterExport = nextNight();
    assertRebuilt(afterExport, "REFI-QDA export", "missing");
    assertThat(export).hasBinaryContent(deterministic.get(export));

    // when the export is truncated, then it is not taken for readable
    Files.write(export, new byte[] {'P', 'K'});
    assertRebuilt(nextNight(), "REFI-QDA export", "unreadable");
    assertThat(export).hasBinaryContent(deterministic.get(export));

    // when the statistics folder goes, then statistics and patterns are back, byte for byte
    deleteTree(stats);
    assertSucceeded(nextNight());
    assertSameBytes(deterministic, stats);

    // when one file of a pack goes, then the pack is rendered again with the same content
    Files.delete(workshop.resolve("index.html"));
    RunReport afterPage = nextNight();
    assertRebuilt(afterPage, "packs", "missing");
    assertThat(workshop.resolve("index.html")).isNotEmptyFile();
    assertSameBytes(deterministic, workshop);

    // when a per-case pack's folder goes, then it is back
    deleteTree(casePack);
    assertRebuilt(nextNight(), "packs", "missing");
    assertThat(casePack.resolve("pack.pdf")).isNotEmptyFile();
    assertSameBytes(deterministic, casePack);

    // when the live index is deleted, then the night indexes every segment again
    for (String index : admin.aliasedIndices(ALIAS)) {
      elasticsearch.indices().delete(d -> d.index(index));
    }
    RunReport afterIndex = nextNight();
    assertRebuilt(afterIndex, "index", "");
    assertThat(admin.countBehindAlias("demo")).isEqualTo(segments());

    // when the whole output folder goes, then every output is back
    deleteTree(out);
    RunReport afterFolder = nextNight();
    assertRebuilt(afterFolder, "REFI-QDA export", "missing");
    assertRebuilt(afterFolder, "packs", "missing");
    deterministic.forEach((file, bytes) -> assertThat(file).hasBinaryContent(bytes));

    // when the store is emptied but the outputs stay, then nothing old is taken for the night's own
    emptyStore();
    RunReport fresh = nextNight();
    assertRebuilt(fresh, "REFI-QDA export", "not built from this store");
    assertRebuilt(fresh, "packs", "not built from this store");
    assertRebuilt(fresh, "index", "not built from this store");
    assertThat(Jsoup.parse(workshop.resolve("index.html").toFile()).select("p.meta").text())
        .contains("Run " + fresh.runId() + " ");
    assertThat(admin.countBehindAlias("demo")).isEqualTo(segments());
    // (a new store draws new random source-id suffixes, so only outputs without source ids are
    // the same bytes as before)
    assertSameBytes(deterministic, stats);

    // and a night with nothing missing builds nothing again
    RunReport quiet = nextNight();
    assertSucceeded(quiet);
    assertThat(quiet.rebuilt()).isEmpty();
  }

  private RunReport nextNight() throws Exception {
    night = night.plusDays(1);
    return runner.run(night);
  }

  private static void assertSucceeded(RunReport report) {
    assertThat(report.succeeded()).as(report.toText()).isTrue();
    assertOnlyExistingOutputs(report);
  }

  private static void assertRebuilt(RunReport report, String output, String because) {
    assertSucceeded(report);
    assertThat(report.rebuilt()).as(report.toText()).containsKey(output);
    assertThat(report.rebuilt().get(output)).contains(because);
    assertThat(report.toText()).contains("Built again");
  }

  /** Every output the report names exists and is not empty, whether a file or a folder. */
  private static void assertOnlyExistingOutputs(RunReport report) {
    assertThat(report.outputs()).containsKeys("REFI-QDA export", "statistics", "patterns");
    report.outputs().entrySet().stream()
        .filter(e -> !e.getKey().equals("index") && !e.getKey().equals("report"))
        .map(e -> Path.of(e.getValue().replace("-<case>", "")))
        .filter(p -> !p.toString().contains("case-feedback"))
        .forEach(p -> {
          if (java.nio.file.Files.isDirectory(p)) {
            assertThat(p).isNotEmptyDirectory();
          } else {
            assertThat(p).isNotEmptyFile();
          }
        });
  }

  private static void assertSameBytes(Map<Path, byte[]> deterministic, Path under) {
    deterministic.entrySet().stream()
        .filter(e -> e.getKey().startsWith(under))
        .forEach(e -> assertThat(e.getKey()).hasBinaryContent(e.getValue()));
  }

  private long segments() {
    return jdbc.queryForObject("select count(*) from segment where study = 'demo'", Long.class);
  }

  /** Every table of the study's store emptied; the job repository and migrations stay. */
  private void emptyStore() {
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE' and lower(table_name) not like 'batch\\_%'"
                + " and lower(table_name) <> 'flyway_schema_history'",
            String.class, support.schema);
    assertThat(tables).contains("segment", "built_output", "input_file");
    jdbc.execute("truncate table " + String.join(", ", tables) + " cascade");
  }

  private static Path firstCasePack(Path packs) throws IOException {
    try (Stream<Path> folders = Files.list(packs)) {
      return folders
          .filter(f -> f.getFileName().toString().startsWith("case-feedback-"))
          .min(Comparator.naturalOrder())
          .orElseThrow();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(f -> {
            try {
              Files.delete(f);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
