package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.TestElasticsearch;

/**
 * Nights render only the packs whose content changed: after a first night of a dozen demo
 * transcripts (two cases quoted, every case with a feedback pack), a night with no change renders
 * none; a night after one edited transcript renders the workshop pack and its case's pack and keeps
 * the others byte for byte; a night after one pack's PDF was deleted renders that pack alone. Real
 * PostgreSQL, Elasticsearch, CoreNLP.
 */
@PipelineIntegrationTest
class IncrementalPacksIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final Path IN = support.copyDemoSubset(12);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, IN, () -> TestElasticsearch.url());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;

  private final Path packs = support.out.resolve("demo/packs");

  @Test
  void givenWrittenPacks_whenLaterNightsRun_thenOnlyPacksWhoseContentChangedOrIsMissingAreRendered()
      throws Exception {
    // given a first night that renders every pack
    RunReport first = runner.run(LocalDate.of(2026, 12, 1));
    assertThat(first.succeeded()).as(first.toText()).isTrue();
    Map<String, String> afterFirst = digests();
    long all = packFolders();
    assertThat(step(first, "writeSynthesisPacksStep").written()).isEqualTo(all);
    assertThat(afterFirst).containsKeys("workshop-all/pack.pdf", "case-feedback-C02/pack.pdf");

    // when a night runs with no change
    RunReport quiet = runner.run(LocalDate.of(2026, 12, 2));

    // then no pack is rendered and every file is as it was
    assertThat(quiet.succeeded()).as(quiet.toText()).isTrue();
    assertThat(step(quiet, "writeSynthesisPacksStep").written()).isZero();
    assertThat(digests()).isEqualTo(afterFirst);

    // when one transcript of case C02 gains a turn
    Files.writeString(
        IN.resolve("demo/transcripts/P010.txt"),
        "\n\nInterviewer: Is there anything you would add about the service?\n\n"
            + "Respondent: Only that the groups on Thursdays kept me going through the winter.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    RunReport edited = runner.run(LocalDate.of(2026, 12, 3));

    // then the workshop pack (it counts every transcript's turns) and C02's pack are rendered, and
    // every other pack keeps its files, which still name the night that rendered them
    assertThat(edited.succeeded()).as(edited.toText()).isTrue();
    RunReport.StepLine afterEdit = step(edited, "writeSynthesisPacksStep");
    assertThat(afterEdit.written()).isEqualTo(2);
    assertThat(afterEdit.filtered()).isEqualTo(all - 2);
    Map<String, String> afterEdited = digests();
    assertThat(changedPacks(afterFirst, afterEdited))
        .containsOnlyKeys("workshop-all", "case-feedback-C02");
    assertThat(metaOf("case-feedback-C01")).contains("Run " + first.runId() + " ");
    assertThat(metaOf("case-feedback-C02")).contains("Run " + edited.runId() + " ");

    // when one kept pack's PDF is deleted
    Files.delete(packs.resolve("case-feedback-C01/pack.pdf"));
    RunReport missing = runner.run(LocalDate.of(2026, 12, 4));

    // then that pack alone is rendered, its PDF back
    assertThat(missing.succeeded()).as(missing.toText()).isTrue();
    RunReport.StepLine afterDelete = step(missing, "writeSynthesisPacksStep");
    assertThat(afterDelete.written()).isEqualTo(1);
    assertThat(afterDelete.filtered()).isEqualTo(all - 1);
    assertThat(packs.resolve("case-feedback-C01/pack.pdf")).isNotEmptyFile();
    assertThat(metaOf("case-feedback-C01")).contains("Run " + missing.runId() + " ");
    Map<String, String> afterMissing = digests();
    assertThat(changedPacks(afterEdited, afterMissing)).containsOnlyKeys("case-feedback-C01");
    assertThat(afterMissing.get("case-feedback-C01/quotes.csv"))
        .isEqualTo(afterEdited.get("case-feedback-C01/quotes.csv"));
  }

  /** Every pack file's SHA-256, by its path under the packs folder. */
  private Map<String, String> digests() throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(packs)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        digests.put(
            packs.relativize(file).toString(), DigestUtils.sha256Hex(Files.readAllBytes(file)));
      }
    }
    return digests;
  }

  /** The packs any of whose files differ (or exist in one only), each with one such file. */
  private static Map<String, String> changedPacks(
      Map<String, String> before, Map<String, String> after) {
    Map<String, String> changed = new TreeMap<>();
    for (String file : union(before, after)) {
      if (!java.util.Objects.equals(before.get(file), after.get(file))) {
        changed.putIfAbsent(file.substring(0, file.indexOf('/')), file);
      }
    }
    return changed;
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private long packFolders() throws Exception {
    try (Stream<Path> folders = Files.list(packs)) {
      return folders.filter(Files::isDirectory).count();
    }
  }

  private String metaOf(String pack) throws Exception {
    return Jsoup.parse(packs.resolve(pack).resolve("index.html").toFile()).select("p.meta").text();
  }

  private static RunReport.StepLine step(RunReport report, String name) {
    return report.steps().stream().filter(s -> s.step().equals(name)).findFirst().orElseThrow();
  }
}
