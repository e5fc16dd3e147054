package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;

/**
 * An incremental night gives the same outputs as a full one: after a first night of the demo study
 * (a copy of its inputs), one transcript is added, one edited (it now names someone) and one
 * removed; the next night processes only what changed. Then a full night ({@code
 * triangulate.run.incremental: false}, in a JVM of its own) redoes every step for every source on
 * the same store and inputs. Index documents, codings, de-identified segments, statistics, patterns
 * and the REFI-QDA export are compared field by field, and so are the packs (see {@link
 * #packFiles}): the incremental night renders only those whose content changed and keeps the
 * others, and the full night renders every one. Real PostgreSQL, Elasticsearch, CoreNLP.
 */
@PipelineIntegrationTest
class IncrementalNightIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  // A dozen transcripts: enough for every output, few enough to annotate twice.
  private static final Path IN = support.copyDemoSubset(12);
  private static final Path TRANSCRIPTS = IN.resolve("demo/transcripts");
  private static final Path ASIDE = support.in.resolve("aside");
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
  @Autowired RunReportListener reports;

  /** Everything a night leaves behind that the comparison covers. */
  private record Outputs(
      Map<String, ExtractDocument> documents,
      List<String> codings,
      List<String> deidentified,
      Map<String, String> files,
      Map<String, String> packs) {}

  @Test
  void
      givenAnAddedAnEditedAndARemovedTranscript_whenANightRunsIncrementally_thenItEqualsAFullNight()
          throws Exception {
    // given a first night without one transcript
    Files.createDirectories(ASIDE);
    Files.move(TRANSCRIPTS.resolve("P003.txt"), ASIDE.resolve("P003.txt"));
    RunReport first = runner.run(LocalDate.of(2026, 12, 1));
    assertThat(first.succeeded()).as(first.toText()).isTrue();
    long sources = count("select count(*) from source where study = 'demo'");

    // and then that transcript added, another edited, a third removed
    Files.move(ASIDE.resolve("P003.txt"), TRANSCRIPTS.resolve("P003.txt"));
    Files.writeString(
        TRANSCRIPTS.resolve("P001.txt"),
        "\n[00:30:00] Interviewer: Did anyone else help, say Thandiwe Okonkwo-Baptiste?\n"
            + "[00:30:09] Claire: Thandiwe Okonkwo-Baptiste helped with supervision, yes.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.delete(TRANSCRIPTS.resolve("P005.txt"));

    // when the next night runs incrementally
    RunReport incremental = runner.run(LocalDate.of(2026, 12, 2));
    assertThat(incremental.succeeded()).as(incremental.toText()).isTrue();
    Outputs afterIncremental = outputs();

    // and a full night redoes every step for every source
    Process full =
        support.startTriangulate(
            "full-night",
            "run",
            "--study",
            "demo",
            "--date",
            "2026-12-03",
            "--set",
            "triangulate.data-in=" + IN,
            "--set",
            "triangulate.run.incremental=false");
    assertThat(full.waitFor(15, TimeUnit.MINUTES)).isTrue();
    assertThat(full.exitValue()).as(Files.readString(support.console("full-night"))).isZero();
    Outputs afterFull = outputs();

    // then the incremental night did only the changed sources' work
    long changedSegments =
        count(
            "select count(*) from segment where study = 'demo'"
                + " and participant_id in ('P001', 'P003')");
    assertThat(step(incremental, "deidentifySegmentsStep").read()).isLessThan(sources / 2);
    assertThat(step(incremental, "autoCodeSegmentsStep").read()).isEqualTo(changedSegments);
    // (the index step reads every stored segment and writes those whose document changed)
    assertThat(step(incremental, "indexExtractsStep").written())
        .isGreaterThanOrEqualTo(changedSegments)
        .isLessThan(count("select count(*) from segment where study = 'demo'") / 2);
    RunReport fullReport = afterFullReport();
    assertThat(step(fullReport, "deidentifySegmentsStep").read()).isEqualTo(sources);
    // (only the workshop pack and the changed transcripts' case pack are rendered; the full night
    // renders every pack, so the comparison below covers kept packs as well as rendered ones)
    RunReport.StepLine packs = step(incremental, "writeSynthesisPacksStep");
    assertThat(packs.written()).isEqualTo(2);
    assertThat(packs.filtered()).isPositive();
    assertThat(step(fullReport, "writeSynthesisPacksStep").written())
        .isEqualTo(packs.written() + packs.filtered());
    // and its outputs equal the full night's, field by field
    assertThat(afterIncremental.documents().keySet()).isEqualTo(afterFull.documents().keySet());
    assertThat(afterIncremental.documents())
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*runId")
        .isEqualTo(afterFull.documents());
    assertThat(afterIncremental.codings()).isEqualTo(afterFull.codings());
    assertThat(afterIncremental.deidentified()).isEqualTo(afterFull.deidentified());
    assertThat(afterIncremental.files().keySet()).isEqualTo(afterFull.files().keySet());
    afterIncremental
        .files()
        .forEach(
            (file, content) -> assertThat(afterFull.files().get(file)).as(file).isEqualTo(content));
    assertThat(afterIncremental.packs().keySet())
        .isEqualTo(afterFull.packs().keySet())
        .contains("workshop-all/quotes.csv", "case-feedback-C02/index.html");
    afterIncremental
        .packs()
        .forEach(
            (file, content) -> assertThat(afterFull.packs().get(file)).as(file).isEqualTo(content));
    assertThat(afterIncremental.documents().values())
        .anyMatch(d -> d.participantId().equals("P003"))
        .noneMatch(d -> d.participantId().equals("P005"));
  }

  private Outputs outputs() throws Exception {
    Path out = support.out.resolve("demo");
    Map<String, String> files = new TreeMap<>();
    for (Path folder : List.of(out.resolve("stats"), out.resolve("export"))) {
      try (Stream<Path> all = Files.walk(folder)) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          files.put(
              out.relativize(file).toString(),
              org.apache.commons.codec.digest.DigestUtils.sha256Hex(Files.readAllBytes(file)));
        }
      }
    }
    return new Outputs(
        documents(),
        jdbc.queryForList(
            "select c.segment_id || '|' || c.category || '|' || c.provenance || '|'"
                + " || coalesce(c.matched_terms, '') from coding c where c.study = 'demo'"
                + " order by 1",
            String.class),
        jdbc.queryForList(
            "select segment_id || '|' || coalesce(deidentified_label, '') || '|'"
                + " || deidentified_body || '|' || deidentified_lemmas from segment"
                + " where study = 'demo' order by segment_id",
            String.class),
        files,
        packFiles(out.resolve("packs")));
  }

  /**
   * Every pack's files as a comparison sees them: {@code quotes.csv} and the content fingerprint as
   * they are; the page's text without its night stamp (the run id and date, and the provenance rows
   * of inputs and configuration with their checksums), since a kept pack names the night that
   * rendered it and that night's inputs; of the PDF, which stamps the run on every page and in its
   * metadata, the number of pages.
   */
  private static Map<String, String> packFiles(Path packs) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(packs)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String name = packs.relativize(file).toString();
        if (name.endsWith("index.html")) {
          Document page = Jsoup.parse(file.toFile());
          page.select("p.meta, tr:has(code)").remove();
          files.put(
              name,
              page.body().text().replaceAll("Run \\d+ for \\d{4}-\\d{2}-\\d{2}", "Run _ for _"));
        } else if (name.endsWith(".pdf")) {
          try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            files.put(name, pdf.getNumberOfPages() + " pages");
          }
        } else {
          files.put(name, Files.readString(file));
        }
      }
    }
    return files;
  }

  private Map<String, ExtractDocument> documents() throws Exception {
    elasticsearch.indices().refresh(r -> r.index(ALIAS));
    Map<String, ExtractDocument> documents = new TreeMap<>();
    List<FieldValue> after = new ArrayList<>();
    while (true) {
      List<FieldValue> from = List.copyOf(after);
      var hits =
          elasticsearch
              .search(
                  s -> {
                    s.index(ALIAS).size(5_000).sort(o -> o.field(f -> f.field("id")));
                    return from.isEmpty() ? s : s.searchAfter(from);
                  },
                  ExtractDocument.class)
              .hits()
              .hits();
      if (hits.isEmpty()) {
        return documents;
      }
      hits.forEach(h -> documents.put(h.id(), h.source()));
      after = hits.getLast().sort();
    }
  }

  /** The report of the latest run, as the full night's JVM wrote it. */
  private RunReport afterFullReport() throws Exception {
    return runner.history(1).stream()
        .findFirst()
        .map(execution -> reports.report(execution))
        .orElseThrow();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static RunReport.StepLine step(RunReport report, String name) {
    return report.steps().stream().filter(s -> s.step().equals(name)).findFirst().orElseThrow();
  }
}
