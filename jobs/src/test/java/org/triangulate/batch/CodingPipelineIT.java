package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.ingest.QdaImport;
import org.triangulate.ingest.QdaImporter;
import org.triangulate.ingest.QdpxReader;
import org.triangulate.ingest.StagedTranscript;
import org.triangulate.study.Study;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A night over the demo study cut down to the eight transcripts its REFI-QDA project codes:
 * imported and rule codings reach the index with categories, themes and provenance; the run's
 * coverage report agrees with the store; the REFI-QDA export is schema-valid, de-identified and
 * re-imports into the store's codings. Real PostgreSQL, Elasticsearch and CoreNLP.
 */
@PipelineIntegrationTest
class CodingPipelineIT {

  private static final PipelineTestSupport SUPPORT = new PipelineTestSupport();
  private static final Set<String> CODED_TRANSCRIPTS =
      Set.of(
          "P021.txt",
          "P028.txt",
          "P032.txt",
          "P040.txt",
          "P045.txt",
          "P065.txt",
          "P066.txt",
          "P080.txt");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path in = SUPPORT.copyDemoInputs();
    try (Stream<Path> transcripts = Files.list(in.resolve("demo/transcripts"))) {
      for (Path t : transcripts.toList()) {
        if (!CODED_TRANSCRIPTS.contains(t.getFileName().toString())) {
          Files.delete(t);
        }
      }
    }
    SUPPORT.register(registry, in, () -> TestElasticsearch.url());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    SUPPORT.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired Study study;

  @Test
  void codesIndexesReportsCoverageAndExportsTheNight() throws Exception {
    // when
    RunReport report = runner.run(LocalDate.of(2026, 11, 26));

    // then
    assertThat(report.status()).as(report.failure()).isEqualTo("COMPLETED");
    assertThat(
            jdbc.queryForObject("select count(*) from source where study = 'demo'", Integer.class))
        .isEqualTo(CODED_TRANSCRIPTS.size());
    assertRuleAndImportedCodingsReachTheIndex();
    assertCoverageAgreesWithTheStore(report.runId());
    assertExportIsValidDeidentifiedAndReimportsTheCodings();
  }

  private void assertRuleAndImportedCodingsReachTheIndex() throws Exception {
    List<Map<String, Object>> rule =
        jdbc.queryForList(
            "select segment_id, category, provenance, matched_terms from coding"
                + " where study = 'demo' and provenance like 'rule:%' order by segment_id, category");
    List<Map<String, Object>> imported =
        jdbc.queryForList(
            "select segment_id, category, provenance from coding"
                + " where study = 'demo' and provenance like 'imported:%' order by segment_id, category");
    assertThat(rule).hasSizeGreaterThan(100);
    assertThat(imported).hasSizeGreaterThan(50);
    assertThat(rule).allSatisfy(c -> assertThat((String) c.get("matched_terms")).isNotBlank());
    assertThat(imported)
        .allSatisfy(c ->
            assertThat((String) c.get("provenance"))
                .isEqualTo("imported:Triangulate demo generator"));
    for (Map<String, Object> coding : List.of(rule.getFirst(), imported.getFirst())) {
      ExtractDocument document =
          elasticsearch
              .get(
                  g ->
                      g.index(ExtractIndexMapping.alias("demo"))
                          .id((String) coding.get("segment_id")),
                  ExtractDocument.class)
              .source();
      assertThat(document).isNotNull();
      String category = (String) coding.get("category");
      assertThat(document.categories()).contains(category);
      assertThat(document.codingProvenance()).contains((String) coding.get("provenance"));
      if (study.codebook().categories().anyMatch(c -> c.id().equals(category))) {
        assertThat(document.themes()).contains(study.codebook().themeOf(category));
      } else {
        assertThat(document.themes()).isNotEmpty();
      }
    }
  }

  private void assertCoverageAgreesWithTheStore(long runId) throws Exception {
    Path run = SUPPORT.out.resolve("demo/runs/" + runId);
    JsonNode coverage =
        JsonMapper.builder().build().readTree(run.resolve("coverage.json").toFile());
    int participantSegments =
        jdbc.queryForObject(
            "select count(*) from segment where study = 'demo' and speaker_role = 'participant'",
            Integer.class);
    int coded =
        jdbc.queryForObject(
            "select count(distinct g.segment_id) from segment g join coding c on c.study = g.study"
                + " and c.segment_id = g.segment_id where g.study = 'demo' and g.speaker_role = 'participant'",
            Integer.class);
    assertThat(coverage.get("segments").asInt()).isEqualTo(participantSegments);
    assertThat(coverage.get("codedSegments").asInt()).isEqualTo(coded);
    assertThat(coverage.get("uncoded").get("segments").asInt())
        .isEqualTo(participantSegments - coded);
    Set<String> codedCategories =
        new HashSet<>(
            jdbc.queryForList(
                "select distinct c.category from coding c join segment g on g.study = c.study"
                    + " and g.segment_id = c.segment_id where c.study = 'demo' and g.speaker_role = 'participant'",
                String.class));
    Set<String> empty = new HashSet<>();
    coverage.get("emptyCategories").forEach(n -> empty.add(n.asString()));
    Set<String> expectedEmpty =
        study
            .codebook()
            .categories()
            .map(c -> c.id())
            .filter(c -> !codedCategories.contains(c))
            .collect(Collectors.toSet());
    assertThat(empty).containsAll(expectedEmpty).doesNotContainAnyElementsOf(codedCategories);
    assertThat(run.resolve("coverage.csv")).isNotEmptyFile();
    assertThat(Files.readString(run.resolve("coverage.txt")))
        .contains("segments per category × case")
        .contains("segments per category × stakeholder_group");
    assertThat(Files.readAllLines(run.resolve("uncoded-segments.csv")))
        .hasSize(participantSegments - coded + 1);
  }

  private void assertExportIsValidDeidentifiedAndReimportsTheCodings() throws Exception {
    byte[] qdpx = Files.readAllBytes(SUPPORT.out.resolve("demo/export/demo.qdpx"));
    byte[] projectXml = null;
    StringBuilder sourceTexts = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(qdpx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        byte[] content = zip.readAllBytes();
        if (e.getName().equals("project.qde")) {
          projectXml = content;
        } else {
          sourceTexts.append(new String(content, StandardCharsets.UTF_8));
        }
      }
    }
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(
            new StreamSource(getClass().getResourceAsStream("/refiqda/Project.xsd"), "Project.xsd"))
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(projectXml)));
    String lower = sourceTexts.toString().toLowerCase(Locale.ROOT);
    List<String> terms = new ArrayList<>(study.deidentify().people());
    terms.addAll(study.deidentify().places());
    study
        .deidentify()
        .cases()
        .values()
        .forEach(c -> {
          terms.addAll(c.names());
          terms.addAll(c.places());
        });
    assertThat(terms).isNotEmpty();
    for (String term : terms) {
      assertThat(lower)
          .as("exported text holds '%s'", term)
          .doesNotContain(term.toLowerCase(Locale.ROOT));
    }

    Set<String> participants =
        new HashSet<>(
            jdbc.queryForList(
                "select participant_id from participant where study = 'demo'", String.class));
    QdaImport reimported =
        new QdaImporter(study, participants, Map.of(), p -> Map.of())
            .importProject("export/demo.qdpx", QdpxReader.read("demo.qdpx", qdpx));
    assertThat(reimported.quarantined()).isEmpty();
    Map<String, StagedTranscript> staged =
        reimported.sources().stream().collect(Collectors.toMap(s -> s.source().sourceId(), s -> s));
    Set<String> exported =
        reimported.selections().stream()
            .map(s -> {
              StagedTranscript source = staged.get(s.sourceId());
              return source.source().participantId()
                  + " | "
                  + s.category()
                  + " | "
                  + source.source().text().substring(s.start(), s.end());
            })
            .collect(Collectors.toSet());
    Set<String> stored =
        jdbc
            .queryForList(
                "select distinct g.participant_id, c.category, g.deidentified_body from coding c"
                    + " join segment g"
                    + " on g.study = c.study and g.segment_id = c.segment_id where c.study = 'demo'")
            .stream()
            .map(r ->
                r.get("participant_id")
                    + " | "
                    + r.get("category")
                    + " | "
                    + r.get("deidentified_body"))
            .collect(Collectors.toCollection(HashSet::new));
    // Item alignments at or above the quote threshold travel as codes named item:<item id>, which
    // a re-import reads as the category item_<item id>.
    jdbc.queryForList(
            "select distinct g.participant_id, a.item_id, g.deidentified_body from item_alignment a"
                + " join segment g on g.study = a.study and g.segment_id = a.segment_id"
                + " where a.study = 'demo' and a.score >= ?",
            study.alignment().quoteMinScore())
        .forEach(r ->
            stored.add(
                r.get("participant_id")
                    + " | item_"
                    + r.get("item_id")
                    + " | "
                    + r.get("deidentified_body")));
    assertThat(exported).as("exported codings not stored").isSubsetOf(stored);
    assertThat(stored).as("stored codings not exported").isSubsetOf(exported);
  }
}
