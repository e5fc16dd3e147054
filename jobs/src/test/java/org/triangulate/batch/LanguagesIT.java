package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;

/**
 * A night over a study that declares English and French (the demo's design, a few of its
 * transcripts, two of them replaced by the French test transcripts and one by a German text): real
 * Lingua and CoreNLP models (English and French), PostgreSQL and Elasticsearch. The French
 * transcripts are annotated and de-identified in French and indexed with their language; the German
 * one is quarantined, named as German, and never reaches the index.
 */
@PipelineIntegrationTest
class LanguagesIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final List<String> KEPT = List.of("P001.txt", "P002.txt", "P003.txt", "P005.txt");
  private static final Path DATA_IN =
      support.copyDemoInputs(f ->
          !f.startsWith(PipelineTestSupport.HOME.resolve("data-in/demo/coding"))
              && (!f.getParent().endsWith("transcripts")
                  || KEPT.contains(f.getFileName().toString())));
  private static final Path CONFIG = bilingualConfig();

  private static final String GERMAN =
      """
      Interviewer: Wie sind Sie zu dieser Stelle gekommen?
      Befragte: Ich habe die Anzeige im Gemeindezentrum gesehen und mich sofort beworben, weil ich \
      selbst lange in Behandlung war und wusste, wie wichtig Unterstützung durch Gleichbetroffene ist.
      Interviewer: Und wie war die Einarbeitung?
      Befragte: Am Anfang gab es keine klare Stellenbeschreibung. Das Team wusste nicht genau, was \
      ich eigentlich machen sollte, und ich musste mir vieles selbst erarbeiten.
      """;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    support.register(registry, DATA_IN, TestElasticsearch::url);
    registry.add("triangulate.config-dir", CONFIG::toString);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void annotatesFrenchInFrenchQuarantinesGermanAndIndexesEachExtractWithItsLanguage()
      throws Exception {
    // given two French transcripts and a German one among English ones
    Path transcripts = DATA_IN.resolve("demo/transcripts");
    Files.writeString(transcripts.resolve("P001.txt"), resource("P090-fr.txt"));
    Files.writeString(transcripts.resolve("P002.txt"), resource("P091-fr.txt"));
    Files.writeString(transcripts.resolve("P003.txt"), GERMAN);

    // when a night runs
    RunReport report = runner.run(LocalDate.of(2026, 12, 6));

    // then it completes and reports each staged transcript's language
    assertThat(report.status()).as("night: %s", report.failure()).isEqualTo("COMPLETED");
    Map<String, String> languages =
        report.languages().stream()
            .collect(
                Collectors.toMap(
                    // by opaque source id, P001-<random>: the report names no file
                    l -> l.source().substring(0, l.source().indexOf('-')),
                    RunReport.LanguageLine::language));
    assertThat(languages).containsEntry("P001", "fr").containsEntry("P002", "fr");
    assertThat(languages).containsEntry("P005", "en").doesNotContainKey("P003");
    assertThat(report.toText()).contains("Languages of the staged transcripts").contains("fr ");
    // and the German transcript is quarantined as German, counted in the transcripts' line
    List<String> quarantine =
        jdbc.queryForList(
            "select reason from quarantine where file_name like '%P003.txt'", String.class);
    assertThat(quarantine).singleElement().asString().contains("German");
    RunReport.InputLine transcriptsLine =
        report.inputs().stream().filter(l -> l.file().startsWith("transcripts")).findFirst().get();
    assertThat(transcriptsLine.read())
        .isEqualTo(transcriptsLine.loaded() + transcriptsLine.quarantined());
    assertThat(transcriptsLine.quarantined()).isGreaterThanOrEqualTo(1);
    // and every segment of a French transcript was annotated in French
    assertThat(
            jdbc.queryForList(
                "select distinct language from segment where source_id in ('P001.txt', 'P002.txt')",
                String.class))
        .containsExactly("fr");

    // and the index holds French extracts, labelled so, with none of the planted identifiers
    String alias = ExtractIndexMapping.alias("demo");
    elasticsearch.indices().refresh(r -> r.index(alias));
    var french =
        elasticsearch.search(
            s -> s.index(alias).size(500).query(q -> q.term(t -> t.field("language").value("fr"))),
            JsonData.class);
    assertThat(french.hits().hits()).hasSizeGreaterThan(20);
    String indexed =
        french.hits().hits().stream()
            .map(h -> h.source().toJson().toString())
            .collect(Collectors.joining("\n"));
    for (String planted :
        List.of(
            "Dubreuil",
            "Benali",
            "Marchetti",
            "Garnier",
            "Haddad",
            "Lefèvre",
            "Moreau",
            "Belkacem",
            "Delorme",
            "Chevalier",
            "Blanchard",
            "06 12 34 56 78",
            "69100",
            "paire.aidante@",
            "+33 6 45 67 89 01",
            "12 avril 1985",
            "rue Cabanis")) {
      assertThat(indexed).as("indexed French extracts").doesNotContain(planted);
    }
    var german =
        elasticsearch.search(
            s ->
                s.index(alias)
                    .size(0)
                    .query(q -> q.term(t -> t.field("sourceFile").value("P003.txt"))),
            JsonData.class);
    assertThat(german.hits().total().value()).isZero();
  }

  /**
   * The demo's configuration declaring English and French, and France's identifier patterns, with
   * its study-wide pack only.
   */
  private static Path bilingualConfig() {
    try {
      Path config = support.in.resolve("config");
      Path demo = config.resolve("demo");
      Files.createDirectories(demo);
      try (Stream<Path> files = Files.list(PipelineTestSupport.HOME.resolve("config/demo"))) {
        for (Path file : files.toList()) {
          Files.copy(file, demo.resolve(file.getFileName()));
        }
      }
      String design = Files.readString(demo.resolve("study.yml"));
      // One pack is enough here: the per-case packs would add ten to the night.
      int perCase = design.indexOf("  - id: case-feedback");
      Files.writeString(
          demo.resolve("study.yml"),
          (perCase < 0 ? design : design.substring(0, perCase))
              + "\nlanguages:\n  declared: [en, fr]\n  countries: [GB, FR]\n");
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        LanguagesIT.class.getClassLoader().getResourceAsStream("languages/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
