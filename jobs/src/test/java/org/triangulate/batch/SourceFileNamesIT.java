package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * Transcripts named after their participants ({@code P008 Zebedee Quillfeather interview.txt}): a
 * real night (PostgreSQL, Elasticsearch, CoreNLP) and the real search server carry no part of a
 * file's name anywhere outside the store: not in the index, the search API, the CSV export, the
 * context page, the packs (HTML, PDF, quotes.csv), the run report, the coverage report, the
 * REFI-QDA export or the log. Sources go by opaque ids that start with the participant's id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PipelineIntegrationTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class SourceFileNamesIT {

  /** Words of the file names that occur nowhere in the demo's texts. */
  private static final List<String> NAME_WORDS = List.of("Zebedee", "Quillfeather");

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final int TRANSCRIPTS = 24;
  private static final Path DATA_IN = support.copyDemoSubset(TRANSCRIPTS);

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
  private RunReport report;

  @BeforeAll
  void nameEveryTranscriptAfterItsParticipantAndRunTheNight() throws Exception {
    Path transcripts = DATA_IN.resolve("demo/transcripts");
    try (Stream<Path> files = Files.list(transcripts)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Files.move(
            file,
            file.resolveSibling(
                name.substring(0, dot)
                    + " "
                    + String.join(" ", NAME_WORDS)
                    + " interview"
                    + name.substring(dot)));
      }
    }
    report = runner.run(LocalDate.of(2026, 5, 4));
    assertThat(report.status()).as(report.failure()).isEqualTo("COMPLETED");
  }

  @Test
  void theStoreKeepsTheFileNamesAndEverySourceHasAnOpaqueIdOfItsParticipant() {
    List<String[]> sources =
        jdbc.query(
            "select file_name, participant_id, opaque_id from source where study = 'demo'"
                + " and origin = 'transcript'",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    assertThat(sources).hasSize(TRANSCRIPTS);
    assertThat(sources)
        .allSatisfy(s -> {
          assertThat(s[0]).contains(NAME_WORDS.getLast());
          assertThat(s[2]).startsWith(s[1] + "-").doesNotContainIgnoringCase(NAME_WORDS.getLast());
        });
  }

  @Test
  void theIndexHoldsNoPartOfAFileName() throws Exception {
    String documents =
        get(
            TestElasticsearch.url()
                + "/"
                + ExtractIndexMapping.alias("demo")
                + "/_search?size=10000&filter_path=hits.hits._source.sourceFile,hits.total");
    assertThat(documents).contains("sourceFile");
    assertNoNameIn("the index", documents);
  }

  @Test
  void theSearchApiTheExportAndTheContextPageShowNoPartOfAFileName() throws Exception {
    String search = get(server("/api/search?size=100&q=support"));
    String export = get(server("/api/export.csv"));
    String id = firstExtractIdOf(search);
    String contextApi = get(server("/api/extracts/" + id));
    String contextPage = get(server("/extracts/" + id));
    String searchPage = get(server("/?q=support"));

    assertThat(export.lines().count()).isGreaterThan(1000);
    assertThat(contextPage).contains("turn");
    assertNoNameIn("/api/search", search);
    assertNoNameIn("/api/export.csv", export);
    assertNoNameIn("/api/extracts/" + id, contextApi);
    assertNoNameIn("/extracts/" + id, contextPage);
    assertNoNameIn("/", searchPage);
  }

  @Test
  void noFileTheNightWroteHoldsAPartOfAFileName() throws Exception {
    List<Path> read = new ArrayList<>();
    try (Stream<Path> files = Files.walk(support.out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNoNameIn(file.toString(), textOf(file));
        read.add(file);
      }
    }
    // the packs, their quotes, the run report, the coverage report and the REFI-QDA export were
    // among them
    assertThat(read.stream().map(p -> p.getFileName().toString()))
        .contains("quotes.csv", "pack.pdf", "index.html", "report.txt", "report.json", "demo.qdpx");
    assertThat(report.inputs()).isNotEmpty();
  }

  private static void assertNoNameIn(String where, String text) {
    for (String word : NAME_WORDS) {
      assertThat(text.toLowerCase(Locale.ROOT))
          .as("%s holds '%s'", where, word)
          .doesNotContain(word.toLowerCase(Locale.ROOT));
    }
  }

  /** The text of a file as a reader sees it: a PDF's text, a zip's entries, any other's bytes. */
  private static String textOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
        return new PDFTextStripper().getText(pdf);
      }
    }
    if (name.endsWith(".qdpx") || name.endsWith(".zip")) {
      StringBuilder text = new StringBuilder();
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          text.append(entry.getName()).append('\n');
          text.append(new String(readAll(zip), StandardCharsets.UTF_8));
        }
      }
      return text.toString();
    }
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static String firstExtractIdOf(String searchJson) {
    int at = searchJson.indexOf("\"id\":\"");
    assertThat(at).as(searchJson).isNotNegative();
    int start = at + "\"id\":\"".length();
    return searchJson.substring(start, searchJson.indexOf('"', start));
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
