package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A night of a small study with one feedback workshop's notes: the notes are in the extracts index
 * as their own source kind (no participant, case or speaker), the alias swap counted them, and the
 * search API's source-kind facet filters to them or to the transcripts, while the speaker facet
 * counts only transcripts' segments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PipelineIntegrationTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class WorkshopNotesSearchIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final Path DATA_IN = support.copyDemoSubset(3);

  /** A word in the notes and in no demo transcript. */
  private static final String WORD = "quizzically";

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
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void writeAWorkshopsNotesAndRunTheNight() throws Exception {
    Path workshops = Files.createDirectories(DATA_IN.resolve("demo/workshops"));
    Path w1 = Files.createDirectories(workshops.resolve("w1"));
    Files.writeString(
        w1.resolve("notes.txt"),
        "The group looked "
            + WORD
            + " at the supervision findings.\n\n"
            + "Everyone agreed the pay was still unfair.\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        workshops.resolve("workshops.csv"),
        "workshop_id,date,pack,groups\nw1,2026-11-30,workshop-all,peer_worker;line_manager\n");
    RunReport report = runner.run(LocalDate.of(2026, 5, 4));
    assertThat(report.status()).as(report.failure()).isEqualTo("COMPLETED");
  }

  @Test
  void theIndexHoldsEachNoteParagraphAsAWorkshopDocumentWithNoParticipant() throws Exception {
    JsonNode hits =
        json.readTree(
                get(
                    TestElasticsearch.url()
                        + "/"
                        + ExtractIndexMapping.alias("demo")
                        + "/_search?size=100&q=sourceKind:workshop"))
            .path("hits")
            .path("hits");
    assertThat(hits).hasSize(2);
    List<String> texts = new ArrayList<>();
    for (JsonNode hit : hits) {
      JsonNode source = hit.path("_source");
      texts.add(source.path("text").asString());
      assertThat(source.path("workshopId").asString()).isEqualTo("w1");
      assertThat(source.path("pack").asString()).isEqualTo("workshop-all");
      assertThat(source.path("stakeholderGroups").toString())
          .isEqualTo("[\"peer_worker\",\"line_manager\"]");
      assertThat(source.hasNonNull("participantId")).as("participantId").isFalse();
      assertThat(source.hasNonNull("caseId")).as("caseId").isFalse();
      assertThat(source.hasNonNull("speakerRole")).as("speakerRole").isFalse();
    }
    assertThat(texts).anySatisfy(t -> assertThat(t).contains(WORD));
    long segments =
        jdbc.queryForObject("select count(*) from segment where study = 'demo'", Long.class);
    JsonNode transcripts =
        json.readTree(
            get(
                TestElasticsearch.url()
                    + "/"
                    + ExtractIndexMapping.alias("demo")
                    + "/_count?q=sourceKind:transcript"));
    assertThat(transcripts.path("count").asLong()).isEqualTo(segments);
  }

  @Test
  void theSearchApiFiltersBySourceKind() throws Exception {
    JsonNode notes = json.readTree(get(server("/api/search?q=" + WORD + "&source_kind=workshop")));
    assertThat(notes.path("total").asLong()).isEqualTo(1);
    JsonNode note = notes.path("hits").get(0);
    assertThat(note.path("sourceKind").asString()).isEqualTo("workshop");
    assertThat(note.path("workshopId").asString()).isEqualTo("w1");
    assertThat(note.path("text").asString()).contains(WORD);

    JsonNode transcripts =
        json.readTree(get(server("/api/search?q=" + WORD + "&source_kind=transcript")));
    assertThat(transcripts.path("total").asLong()).isZero();
  }

  @Test
  void theSourceKindFacetCountsNotesAndTheSpeakerFacetDoesNot() throws Exception {
    JsonNode all = json.readTree(get(server("/api/search?size=1")));
    long segments =
        jdbc.queryForObject("select count(*) from segment where study = 'demo'", Long.class);
    assertThat(all.path("total").asLong()).isEqualTo(segments + 2);
    assertThat(bucketCount(all, "source_kind", "workshop")).isEqualTo(2);
    assertThat(bucketCount(all, "source_kind", "transcript")).isEqualTo(segments);
    long speakers = 0;
    for (JsonNode facet : all.path("facets")) {
      if (facet.path("id").asString().equals("role")) {
        for (JsonNode bucket : facet.path("buckets")) {
          speakers += bucket.path("count").asLong();
        }
      }
    }
    assertThat(speakers).isEqualTo(segments);
  }

  private static long bucketCount(JsonNode result, String facet, String value) {
    for (JsonNode f : result.path("facets")) {
      if (f.path("id").asString().equals(facet)) {
        for (JsonNode bucket : f.path("buckets")) {
          if (bucket.path("value").asString().equals(value)) {
            return bucket.path("count").asLong();
          }
        }
      }
    }
    return -1;
  }

  private String server(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
