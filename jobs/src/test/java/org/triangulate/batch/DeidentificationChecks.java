package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.nlp.Deidentifier;
import org.triangulate.nlp.IdentifierDetector;
import org.triangulate.nlp.IdentifierKind;
import org.triangulate.nlp.InMemoryPseudonyms;
import org.triangulate.nlp.KnownNames;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SpeakerTurnSegmenter;
import org.triangulate.study.Study;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * De-identification measured on the demo study against the identifiers its generator planted
 * ({@code data-in/demo/planted.yml}, about half its places and organisations held out of
 * study.yml's lists): {@link DemoNightIT}'s night with real CoreNLP models, PostgreSQL,
 * Elasticsearch and the search server; recall per kind and precision with the study's lists (where
 * the de-identify step found identifiers) and without them (detection alone); and a search for
 * every planted identifier in everything that leaves the store: the index, the packs, the REFI-QDA
 * export, the search API's JSON and CSV export, and the run report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeidentificationChecks {

  private static final Path DEMO = PipelineTestSupport.HOME.resolve("data-in/demo");
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired SegmentStore segmentStore;
  @Autowired SpeakerTurnSegmenter speakerTurns;
  @Autowired Study study;

  @LocalServerPort int port;

  /** One planted identifier: its file, kind, text and code-point offsets. */
  record Planted(
      String file,
      String kind,
      String text,
      int start,
      int end,
      boolean inLabel,
      boolean heldOut) {}

  /** A replaced span of a stored source (UTF-16 offsets) and the kind it was replaced as. */
  record Replaced(int start, int end, String kind) {}

  /** Found / all, per kind. */
  record Figures(Map<String, int[]> recall, Map<String, int[]> precision) {
    double recall(String kind) {
      int[] c = recall.get(kind);
      return (double) c[0] / c[1];
    }

    double overallPrecision() {
      int[] c = precision.get("all");
      return (double) c[0] / c[1];
    }
  }

  static List<Planted> planted() throws IOException {
    JsonNode root = YAMLMapper.builder().build().readTree(DEMO.resolve("planted.yml").toFile());
    List<Planted> planted = new ArrayList<>();
    for (JsonNode id : root.get("identifiers")) {
      planted.add(
          new Planted(
              id.get("file").asString(),
              id.get("kind").asString(),
              id.get("text").asString(),
              id.get("start").asInt(),
              id.get("end").asInt(),
              id.has("in-label") && id.get("in-label").asBoolean(),
              id.has("held-out") && id.get("held-out").asBoolean()));
    }
    return planted;
  }

  @Test
  @Order(1)
  void withTheStudysListsFindsAtLeast99PercentAndReplacesLittleElse() throws Exception {
    // given DemoNightIT's night over the demo, and where its de-identify step found identifiers
    Map<String, List<Replaced>> replaced = new HashMap<>();
    jdbc.query(
        "select source_id, start_offset, end_offset, kind from identifier_span where study = 'demo'"
            + " order by source_id, start_offset",
        rs -> {
          replaced
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Replaced(rs.getInt(2), rs.getInt(3), rs.getString(4)));
        });

    // when each planted identifier is looked up where it was planted
    Figures figures = measure("with study.yml's lists", replaced);

    // then
    for (String kind :
        List.of(
            "person", "place", "place (listed)", "organisation", "organisation (listed)", "all")) {
      assertThat(figures.recall(kind)).as("recall of %s", kind).isGreaterThanOrEqualTo(0.99);
    }
    for (String kind : PATTERNED) {
      assertThat(figures.recall(kind)).as("recall of %s", kind).isGreaterThanOrEqualTo(0.98);
    }
    assertThat(figures.overallPrecision()).as("precision").isGreaterThanOrEqualTo(0.95);
  }

  private static final List<String> PATTERNED =
      List.of(
          "email", "phone", "nhs_number", "postcode", "date_of_birth", "person (speaker label)");

  /**
   * What detection finds alone, without study.yml's lists (the same NER entities the night stored,
   * the same name heads): the figures that say how well an unlisted name is found.
   */
  @Test
  @Order(3)
  void withoutTheStudysListsFindsPersonsPlacesAndOrganisationsByDetection() throws Exception {
    // given the night's NER entities and a detector without the study's lists
    Study.Deidentification bare = study.deidentify().withoutLists();
    IdentifierDetector detector = new IdentifierDetector(bare);
    Deidentifier deidentifier =
        new Deidentifier(detector, new InMemoryPseudonyms(bare), speakerTurns::isRoleLabel);
    List<String> sourceIds = segmentStore.sourceIds("demo");
    KnownNames known = new KnownNames();
    for (String id : sourceIds) {
      detector.collectNames(
          segmentStore.source("demo", id).text(), segmentStore.entities("demo", id), known);
      deidentifier
          .labelNames(segmentStore.segments("demo", id))
          .forEach(n -> known.add(IdentifierKind.PERSON, n));
    }

    // when
    Map<String, List<Replaced>> replaced = new HashMap<>();
    for (String id : sourceIds) {
      replaced.put(
          id,
          deidentifier
              .identifiers(
                  segmentStore.source("demo", id).text(),
                  segmentStore.entities("demo", id),
                  known,
                  segmentStore.segments("demo", id))
              .stream()
              .map(i -> new Replaced(i.start(), i.end(), i.kind().code()))
              .toList());
    }
    Figures figures = measure("without study.yml's lists", replaced);

    // then
    assertThat(figures.recall("person")).as("recall of persons").isGreaterThanOrEqualTo(0.95);
    assertThat(figures.recall("place")).as("recall of places").isGreaterThanOrEqualTo(0.90);
    assertThat(figures.recall("organisation"))
        .as("recall of organisations")
        .isGreaterThanOrEqualTo(0.90);
    assertThat(figures.recall("all")).as("recall of all").isGreaterThanOrEqualTo(0.95);
    for (String kind : PATTERNED) {
      assertThat(figures.recall(kind)).as("recall of %s", kind).isGreaterThanOrEqualTo(0.98);
    }
    assertThat(figures.overallPrecision()).as("precision").isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Recall per planted kind (a planted identifier is found when every letter and digit of it lies
   * in a replaced span) and precision (a replaced span is right when it overlaps a planted
   * identifier or holds a term study.yml's lists say to replace), printed for the README.
   */
  private Figures measure(String title, Map<String, List<Replaced>> replaced) throws IOException {
    Map<String, String> textOfSource = new HashMap<>();
    Map<String, String> sourceOfFile = new HashMap<>();
    jdbc.query(
        "select file_name, source_id, body from source where study = 'demo'",
        rs -> {
          sourceOfFile.put(rs.getString(1), rs.getString(2));
          textOfSource.put(rs.getString(2), rs.getString(3));
        });
    Map<String, int[]> recall = new TreeMap<>();
    Map<String, List<int[]>> plantedChars = new HashMap<>();
    TreeSet<String> missed = new TreeSet<>();
    for (Planted p : planted()) {
      String sourceId = sourceOfFile.get(fileName(p.file(), sourceOfFile));
      String text = textOfSource.get(sourceId);
      assertThat(text).as("planted file %s is a stored source", p.file()).isNotNull();
      int start = text.offsetByCodePoints(0, p.start());
      int end = text.offsetByCodePoints(0, p.end());
      assertThat(Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFC))
          .as("planted text at its offsets in %s", p.file())
          .isEqualTo(Normalizer.normalize(p.text(), Normalizer.Form.NFC));
      plantedChars.computeIfAbsent(sourceId, k -> new ArrayList<>()).add(new int[] {start, end});
      boolean covered = covered(text, start, end, replaced.getOrDefault(sourceId, List.of()));
      List<String> kinds = new ArrayList<>(List.of(p.kind(), "all"));
      if (p.kind().equals("person")) {
        kinds.add(p.inLabel() ? "person (speaker label)" : "person (said)");
      }
      if (p.heldOut()) {
        kinds.add(p.kind() + " (held out)");
      } else if (p.kind().equals("place") || p.kind().equals("organisation")) {
        kinds.add(p.kind() + " (listed)");
      }
      for (String k : kinds) {
        int[] counts = recall.computeIfAbsent(k, x -> new int[2]);
        counts[0] += covered ? 1 : 0;
        counts[1]++;
      }
      if (!covered) {
        missed.add(p.kind() + ": " + p.text() + " (" + p.file() + ")");
      }
    }
    List<Pattern> listed = listedTerms();
    Map<String, int[]> precision = new TreeMap<>();
    Map<String, Integer> wrong = new HashMap<>();
    replaced.forEach((sourceId, spans) -> {
      String text = textOfSource.get(sourceId);
      List<int[]> truth = plantedChars.getOrDefault(sourceId, List.of());
      for (Replaced span : spans) {
        String said = text.substring(span.start(), span.end());
        boolean right =
            truth.stream().anyMatch(t -> t[0] < span.end() && span.start() < t[1])
                || listed.stream().anyMatch(l -> l.matcher(said).find());
        for (String k : List.of(span.kind(), "all")) {
          int[] counts = precision.computeIfAbsent(k, x -> new int[2]);
          counts[0] += right ? 1 : 0;
          counts[1]++;
        }
        if (!right) {
          wrong.merge(span.kind() + ": " + said, 1, Integer::sum);
        }
      }
    });
    System.out.println("De-identification recall " + title + " (found / planted):");
    recall.forEach((k, c) ->
        System.out.printf(
            Locale.ROOT, "  %-28s %5d / %5d = %.4f%n", k, c[0], c[1], (double) c[0] / c[1]));
    System.out.println(
        "De-identification precision "
            + title
            + " (replaced spans overlapping a planted identifier or holding a listed term):");
    precision.forEach((k, c) ->
        System.out.printf(
            Locale.ROOT, "  %-28s %5d / %5d = %.4f%n", k, c[0], c[1], (double) c[0] / c[1]));
    System.out.println("Missed " + title + " (first 60): " + missed.stream().limit(60).toList());
    System.out.println(
        "Replaced spans that are no identifier "
            + title
            + ": "
            + wrong.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(60)
                .map(x -> x.getKey() + " x" + x.getValue())
                .toList());
    return new Figures(recall, precision);
  }

  /** Every term study.yml's deidentify lists hold, as a whole-word, any-case pattern. */
  private List<Pattern> listedTerms() {
    Study.Deidentification lists = study.deidentify();
    List<String> terms = new ArrayList<>(lists.places());
    terms.addAll(lists.people());
    lists
        .cases()
        .values()
        .forEach(c -> {
          terms.addAll(c.names());
          terms.addAll(c.places());
        });
    return terms.stream()
        .map(t ->
            Pattern.compile(
                "(?<![\\p{L}\\p{N}])"
                    + Pattern.quote(t.replaceFirst("^the ", ""))
                    + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
        .toList();
  }

  private static String fileName(String plantedFile, Map<String, String> sourceOfFile) {
    if (sourceOfFile.containsKey(plantedFile)) {
      return plantedFile;
    }
    String bare = plantedFile.substring(plantedFile.lastIndexOf('/') + 1);
    return sourceOfFile.keySet().stream()
        .filter(f -> f.equals(bare) || f.endsWith("/" + bare))
        .findFirst()
        .orElse(plantedFile);
  }

  /** Every letter and digit of the planted text lies inside a replaced span. */
  private static boolean covered(String text, int start, int end, List<Replaced> spans) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        continue;
      }
      int at = i;
      if (spans.stream().noneMatch(s -> s.start() <= at && at < s.end())) {
        return false;
      }
    }
    return true;
  }

  @Test
  @Order(2)
  void noPlantedIdentifierLeavesTheStoreInTheIndexPacksExportSearchApiOrRunReport()
      throws Exception {
    // given DemoNightIT's night over the demo, and every planted identifier as a whole-word pattern
    TreeSet<String> texts = new TreeSet<>();
    for (Planted p : planted()) {
      texts.add(Normalizer.normalize(p.text(), Normalizer.Form.NFC));
    }
    // One alternation, longest first, searched once per document: 560 patterns each would take
    // minutes over 10,000 documents.
    Pattern identifiers =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                + texts.stream()
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining("|"))
                + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // when searched for them: every indexed document (all fields, as JSON),
    List<String> leaks = new ArrayList<>();
    int documents = 0;
    String alias = ExtractIndexMapping.alias("demo");
    elasticsearch.indices().refresh(r -> r.index(alias));
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> from = after;
      var response =
          elasticsearch.search(
              s -> {
                s.index(alias).size(2_000).sort(o -> o.field(f -> f.field("id")));
                return from.isEmpty() ? s : s.searchAfter(from);
              },
              JsonData.class);
      var hits = response.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      for (var hit : hits) {
        documents++;
        find(
            identifiers,
            fieldValues(hit.source().toJson().toString()),
            "document " + hit.id(),
            leaks);
      }
      after = hits.getLast().sort();
    }
    // the packs (HTML, SVG, CSV, PDF text), the REFI-QDA export (each entry of the zip) and the
    // run's report folder (the quarantine aside: it holds raw input rows on purpose)
    Path demoOut = DemoNightIT.SUPPORT.out.resolve("demo");
    List<Path> files = new ArrayList<>(filesUnder(demoOut.resolve("packs")));
    files.add(demoOut.resolve("export/demo.qdpx"));
    files.addAll(
        filesUnder(demoOut.resolve("runs")).stream()
            .filter(f -> !demoOut.resolve("runs").relativize(f).toString().contains("quarantine"))
            .toList());
    for (Path file : files) {
      find(
          identifiers,
          Normalizer.normalize(textOf(file), Normalizer.Form.NFC),
          file.toString(),
          leaks);
    }
    // the search API: every page of an empty search's JSON, and the CSV export of every hit
    int apiHits = 0;
    String cursor = null;
    do {
      String page =
          get("/api/search?size=100" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      JsonNode result = JSON.readTree(page);
      apiHits += result.get("hits").size();
      find(identifiers, fieldValues(page), "/api/search page " + apiHits, leaks);
      cursor = result.path("nextCursor").isString() ? result.get("nextCursor").asString() : null;
    } while (cursor != null);
    String csv = get("/api/export.csv");
    find(identifiers, Normalizer.normalize(csv, Normalizer.Form.NFC), "/api/export.csv", leaks);

    // then: the search does find planted identifiers where they are (the stored transcripts)
    List<String> inTranscripts = new ArrayList<>();
    jdbc.query(
        "select source_id, body from source where study = 'demo'",
        rs -> {
          find(
              identifiers,
              Normalizer.normalize(rs.getString(2), Normalizer.Form.NFC),
              rs.getString(1),
              inTranscripts);
        });
    assertThat(inTranscripts).hasSizeGreaterThanOrEqualTo(2000);
    System.out.println(
        "Searched "
            + documents
            + " indexed documents, "
            + files.size()
            + " output files, "
            + apiHits
            + " search API hits and a CSV export of "
            + csv.lines().count()
            + " lines for "
            + texts.size()
            + " planted identifiers");
    assertThat(documents).isGreaterThan(1000);
    assertThat(apiHits).isEqualTo(documents);
    assertThat(csv.lines().count()).isGreaterThan(documents);
    assertThat(files).anyMatch(f -> f.toString().endsWith(".html"));
    assertThat(files).anyMatch(f -> f.toString().endsWith(".pdf"));
    assertThat(files).anyMatch(f -> f.toString().endsWith("quotes.csv"));
    assertThat(files).anyMatch(f -> f.toString().endsWith("report.json"));
    assertThat(files).anyMatch(f -> f.toString().endsWith("report.txt"));
    assertThat(leaks).as("planted identifiers found in outputs").isEmpty();
  }

  private static List<Path> filesUnder(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String get(String path) throws Exception {
    java.net.http.HttpResponse<String> response =
        HTTP.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private static void find(Pattern identifiers, String text, String where, List<String> leaks) {
    var m = identifiers.matcher(text);
    while (m.find()) {
      leaks.add(m.group() + " in " + where);
    }
  }

  /** Every field value of a document (JSON escapes undone), one per line, NFC. */
  private static String fieldValues(String json) {
    StringBuilder values = new StringBuilder();
    List<JsonNode> pending = new ArrayList<>(List.of(JSON.readTree(json)));
    while (!pending.isEmpty()) {
      JsonNode node = pending.removeLast();
      if (node.isContainer()) {
        node.forEach(pending::add);
      } else {
        values.append(node.asString()).append('\n');
      }
    }
    return Normalizer.normalize(values.toString(), Normalizer.Form.NFC);
  }

  /**
   * An output file's text: a PDF's as PDFBox extracts it, a zip's (the .qdpx) entries' names and
   * texts, an HTML, SVG or XML text unescaped, others as UTF-8.
   */
  private static String textOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".qdpx") || name.endsWith(".zip")) {
      StringBuilder text = new StringBuilder();
      try (java.util.zip.ZipInputStream zip =
          new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
        for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          text.append(entry.getName()).append('\n');
          text.append(
                  HtmlUtils.htmlUnescape(new String(zip.readAllBytes(), StandardCharsets.UTF_8)))
              .append('\n');
        }
      }
      return text.toString();
    }
    if (name.endsWith(".pdf")) {
      try (org.apache.pdfbox.pdmodel.PDDocument pdf =
          org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
        return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return name.endsWith(".html") || name.endsWith(".svg") || name.endsWith(".xml")
        ? HtmlUtils.htmlUnescape(text)
        : text;
  }
}
