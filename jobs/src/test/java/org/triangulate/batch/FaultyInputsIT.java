package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.TestElasticsearch;

/**
 * Faults that reach the night: corrupt inputs of every kind added between two nights are
 * quarantined while the night completes and last night's data stays; an output folder that cannot
 * be written fails the run with the path named and no half-written pack.
 */
@PipelineIntegrationTest
class FaultyInputsIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final Path DATA_IN = support.copyDemoSubset(12);
  private static final Path DEMO = DATA_IN.resolve("demo");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, DATA_IN, () -> TestElasticsearch.url());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;

  @Test
  void quarantinesCorruptInputsAddedBetweenNightsAndKeepsWhatWasLoaded() throws Exception {
    // given a good first night
    RunReport first = runner.run(LocalDate.of(2026, 4, 1));
    assertThat(first.status()).isEqualTo("COMPLETED");
    Path transcript = firstTranscript();
    String participant = transcript.getFileName().toString().replaceFirst("\\.txt$", "");
    long segmentsOfTranscript =
        count(
            "select count(*) from segment where source_id = ?",
            transcript.getFileName().toString());
    long casesBefore = count("select count(*) from study_case");

    // when every kind of input gets a corrupt record before the second night
    append("cases.csv", "C99,Broken case,not_an_employer,nhs_only,inpatient");
    append("participants.csv", "P999,NO_SUCH_CASE,peer_worker,2025-01-01");
    append("responses.csv", participant + ",pay_parity,maybe,3");
    // Binary garbage: bytes that are no text in any encoding the ingest accepts.
    Files.write(transcript, new byte[] {'I', ':', ' ', 0, 1, 2, '\n'});
    Files.writeString(
        DEMO.resolve("transcripts/NOBODY.txt"), "Interviewer: hello\nRespondent: hi\n");
    RunReport second = runner.run(LocalDate.of(2026, 4, 2));

    // then the night completes and balances every input
    assertThat(second.status()).isEqualTo("COMPLETED");
    assertThat(second.inputs())
        .allSatisfy(in -> assertThat(in.read()).isEqualTo(in.loaded() + in.quarantined()));
    Map<String, Long> quarantined =
        second.inputs().stream()
            .collect(Collectors.toMap(RunReport.InputLine::file, RunReport.InputLine::quarantined));
    Map<String, Long> before =
        first.inputs().stream()
            .collect(Collectors.toMap(RunReport.InputLine::file, RunReport.InputLine::quarantined));
    assertThat(quarantined.get("cases.csv")).isEqualTo(before.get("cases.csv") + 1);
    assertThat(quarantined.get("participants.csv")).isEqualTo(before.get("participants.csv") + 1);
    assertThat(quarantined.get("responses.csv")).isEqualTo(before.get("responses.csv") + 1);
    assertThat(quarantined.get("transcripts/")).isEqualTo(before.get("transcripts/") + 2);
    // and each fault is in the quarantine file with its file and reason
    List<CSVRecord> rows = quarantineRows();
    assertThat(rows).anySatisfy(r -> assertThat(r.get("reason")).contains("not_an_employer"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get("reason")).contains("NO_SUCH_CASE"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get("reason")).contains("'maybe'"));
    assertThat(rows)
        .anySatisfy(r -> {
          assertThat(r.get("file")).endsWith("/" + transcript.getFileName());
          assertThat(r.get("reason")).contains("NUL").contains("offset 3");
        });
    assertThat(rows).anySatisfy(r -> assertThat(r.get("file")).endsWith("/NOBODY.txt"));
    // and what was loaded before is still there: the good cases, and the corrupt transcript's last
    // good version
    assertThat(count("select count(*) from study_case")).isEqualTo(casesBefore);
    assertThat(
            count(
                "select count(*) from segment where source_id = ?",
                transcript.getFileName().toString()))
        .isEqualTo(segmentsOfTranscript)
        .isPositive();
  }

  @Test
  void failsNamingThePathWhenThePackFolderCannotBeWrittenAndLeavesNoHalfFile() throws Exception {
    // given an output location where a file stands in the way of the packs folder
    Path packs = support.out.resolve("demo/packs");
    Files.createDirectories(packs.getParent());
    deleteRecursively(packs);
    Files.writeString(packs, "not a folder");

    // when the night runs
    RunReport report = runner.run(LocalDate.of(2026, 4, 3));

    // then it fails in the synthesis step with the path in the message
    assertThat(report.status()).isEqualTo("FAILED");
    assertThat(report.failure())
        .startsWith("writeSynthesisPacksStep failed: ")
        .contains(packs.toString());
    // and no temporary or partial file is left in the output
    try (Stream<Path> files = Files.walk(support.out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
    Files.delete(packs);
  }

  private static Path firstTranscript() throws Exception {
    try (Stream<Path> files = Files.list(DEMO.resolve("transcripts"))) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
    }
  }

  private static void append(String file, String line) throws Exception {
    Path path = DEMO.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    String separator = text.endsWith("\n") ? "" : "\n";
    Files.writeString(
        path, separator + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private List<CSVRecord> quarantineRows() throws Exception {
    try (var reader =
        Files.newBufferedReader(support.out.resolve("demo/quarantine/quarantine.csv"))) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  private long count(String sql, Object... args) {
    Long n =
        jdbc.queryForObject(
            sql.replace("from ", "from ")
                + (sql.contains("where") ? " and study = 'demo'" : " where study = 'demo'"),
            Long.class,
            args);
    return n == null ? 0 : n;
  }

  private static void deleteRecursively(Path path) throws Exception {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
