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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import org.triangulate.TriangulateApplication;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
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
 * ({@code data-in/demo/planted.yml}): one night with real CoreNLP models, PostgreSQL and
 * Elasticsearch, then recall and precision per kind from where the de-identify step found
 * identifiers, and a search for every planted identifier in every indexed document and pack file.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.config.import=file:../config/application.yml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeidentificationIT {

  private static final PipelineTestSupport SUPPORT = new PipelineTestSupport();
  private static final Path DEMO = PipelineTestSupport.HOME.resolve("data-in/demo");
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SUPPORT.register(registry, PipelineTestSupport.HOME.resolve("data-in"), TestElasticsearch::url);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    SUPPORT.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired SegmentStore segmentStore;
  @Autowired SpeakerTurnSegmenter speakerTurns;
  @Autowired Study study;

  private static boolean ran;

  /** One planted identifier: its file, kind, text and code-point offsets. */
  record Planted(String file, String kind, String text, int start, int end, boolean inLabel) {}

  private void night() throws Exception {
    if (!ran) {
      RunReport report = runner.run(LocalDate.of(2026, 11, 26));
      report
          .steps()
          .forEach(s -> System.out.println("  step " + s.step() + ": " + s.seconds() + " s"));
      assertThat(report.status()).as("night: %s", report.failure()).isEqualTo("COMPLETED");
      ran = true;
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
              id.has("in-label") && id.get("in-label").asBoolean()));
    }
    return planted;
  }

  @Test
  @Order(1)
  void findsAtLeast98PercentOfThePlantedIdentifiersOfEveryKind() throws Exception {
    // given one night over the demo
    night();
    List<Planted> planted = planted();
    Map<String, String> textOfFile = new HashMap<>();
    jdbc.query(
        "select file_name, body from source where study = 'demo'",
        rs -> {
          textOfFile.put(rs.getString(1), rs.getString(2));
        });
    Map<String, String> sourceOfFile = new HashMap<>();
    jdbc.query(
        "select file_name, source_id from source where study = 'demo'",
        rs -> {
          sourceOfFile.put(rs.getString(1), rs.getString(2));
        });
    Map<String, List<int[]>> found = new HashMap<>();
    Map<String, List<String>> foundKinds = new HashMap<>();
    jdbc.query(
        "select source_id, start_offset, end_offset, kind from identifier_span where study = 'demo'"
            + " order by source_id, start_offset",
        rs -> {
          found
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new int[] {rs.getInt(2), rs.getInt(3)});
          foundKinds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(4));
        });

    // when each planted identifier is looked up where it was planted
    Map<String, int[]> byKind = new TreeMap<>(); // kind -> {found, planted}
    Map<String, List<int[]>> plantedChars = new HashMap<>();
    TreeSet<String> missed = new TreeSet<>();
    for (Planted p : planted) {
      String file = fileName(p.file(), sourceOfFile);
      String text = textOfFile.get(file);
      assertThat(text).as("planted file %s is a stored source", p.file()).isNotNull();
      int start = text.offsetByCodePoints(0, p.start());
      int end = text.offsetByCodePoints(0, p.end());
      assertThat(Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFC))
          .as("planted text at its offsets in %s", p.file())
          .isEqualTo(Normalizer.normalize(p.text(), Normalizer.Form.NFC));
      List<int[]> spans = found.getOrDefault(sourceOfFile.get(file), List.of());
      plantedChars
          .computeIfAbsent(sourceOfFile.get(file), k -> new ArrayList<>())
          .add(new int[] {start, end});
      boolean covered = covered(text, start, end, spans);
      String kind = p.kind() + (p.inLabel() ? " (speaker label)" : "");
      for (String k : List.of(kind, "all")) {
        int[] counts = byKind.computeIfAbsent(k, x -> new int[2]);
        counts[0] += covered ? 1 : 0;
        counts[1]++;
      }
      if (!covered) {
        missed.add(p.kind() + ": " + p.text() + " (" + p.file() + ")");
      }
    }
    // precision: found spans that overlap no planted identifier
    Map<String, int[]> precisionByKind = new TreeMap<>(); // kind -> {true, all}
    Map<String, Integer> falseTexts = new HashMap<>();
    for (var e : found.entrySet()) {
      String sourceId = e.getKey();
      String text =
          textOfFile.get(
              sourceOfFile.entrySet().stream()
                  .filter(s -> s.getValue().equals(sourceId))
                  .findFirst()
                  .orElseThrow()
                  .getKey());
      List<int[]> truth = plantedChars.getOrDefault(sourceId, List.of());
      List<String> kinds = foundKinds.get(sourceId);
      for (int i = 0; i < e.getValue().size(); i++) {
        int[] span = e.getValue().get(i);
        boolean right = truth.stream().anyMatch(t -> t[0] < span[1] && span[0] < t[1]);
        for (String k : List.of(kinds.get(i), "all")) {
          int[] counts = precisionByKind.computeIfAbsent(k, x -> new int[2]);
          counts[0] += right ? 1 : 0;
          counts[1]++;
        }
        if (!right) {
          falseTexts.merge(kinds.get(i) + ": " + text.substring(span[0], span[1]), 1, Integer::sum);
        }
      }
    }

    // then
    System.out.println("De-identification recall on the demo (found / planted):");
    byKind.forEach((k, c) ->
        System.out.printf(
            Locale.ROOT, "  %-28s %5d / %5d = %.4f%n", k, c[0], c[1], (double) c[0] / c[1]));
    System.out.println("De-identification precision (found spans overlapping a planted one):");
    precisionByKind.forEach((k, c) ->
        System.out.printf(
            Locale.ROOT, "  %-28s %5d / %5d = %.4f%n", k, c[0], c[1], (double) c[0] / c[1]));
    System.out.println("Missed (first 40): " + missed.stream().limit(40).toList());
    System.out.println(
        "Most frequent spans that are not planted: "
            + falseTexts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(60)
                .map(x -> x.getKey() + " x" + x.getValue())
                .toList());
    byKind.forEach((k, c) ->
        assertThat((double) c[0] / c[1]).as("recall of %s", k).isGreaterThanOrEqualTo(0.98));
  }

  /**
   * What NER, the patterns and speaker labels find alone, without study.yml's lists (the same NER
   * entities the night stored): printed to show what the lists add; what does not depend on them
   * must still be found.
   */
  @Test
  @Order(3)
  void findsPatternedIdentifiersAndNamedSpeakersWithoutTheStudysLists() throws Exception {
    // given the night's NER entities and a detector without the study's lists
    night();
    Study.Deidentification bare =
        new Study.Deidentification(null, null, null, study.deidentify().keep());
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
    Map<String, int[]> byKind = new TreeMap<>();
    Map<String, String> sourceOfFile = new HashMap<>();
    jdbc.query(
        "select file_name, source_id from source where study = 'demo'",
        rs -> {
          sourceOfFile.put(rs.getString(1), rs.getString(2));
        });
    Map<String, List<int[]>> spans = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (String id : sourceIds) {
      String text = segmentStore.source("demo", id).text();
      texts.put(id, text);
      spans.put(
          id,
          deidentifier
              .identifiers(
                  text, segmentStore.entities("demo", id), known, segmentStore.segments("demo", id))
              .stream()
              .map(i -> new int[] {i.start(), i.end()})
              .toList());
    }
    for (Planted p : planted()) {
      String sourceId = sourceOfFile.get(fileName(p.file(), sourceOfFile));
      String text = texts.get(sourceId);
      boolean covered =
          covered(
              text,
              text.offsetByCodePoints(0, p.start()),
              text.offsetByCodePoints(0, p.end()),
              spans.get(sourceId));
      String kind = p.kind() + (p.inLabel() ? " (speaker label)" : "");
      for (String k : List.of(kind, "all")) {
        int[] counts = byKind.computeIfAbsent(k, x -> new int[2]);
        counts[0] += covered ? 1 : 0;
        counts[1]++;
      }
    }

    // then
    System.out.println("Recall without study.yml's lists (NER, patterns, speaker labels):");
    byKind.forEach((k, c) ->
        System.out.printf(
            Locale.ROOT, "  %-28s %5d / %5d = %.4f%n", k, c[0], c[1], (double) c[0] / c[1]));
    for (String k : List.of("email", "phone", "nhs_number", "postcode", "person (speaker label)")) {
      int[] c = byKind.get(k);
      assertThat((double) c[0] / c[1])
          .as("recall of %s without lists", k)
          .isGreaterThanOrEqualTo(0.98);
    }
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

  /** Every letter and digit of the planted text lies inside a found span. */
  private static boolean covered(String text, int start, int end, List<int[]> spans) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        continue;
      }
      int at = i;
      if (spans.stream().noneMatch(s -> s[0] <= at && at < s[1])) {
        return false;
      }
    }
    return true;
  }

  @Test
  @Order(2)
  void noPlantedIdentifierAppearsInAnyIndexedDocumentOrPackFile() throws Exception {
    // given one night over the demo, and every planted identifier as a whole-word pattern
    night();
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

    // when every indexed document (all fields, as JSON) and every pack file is searched
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
    Path packs = SUPPORT.out.resolve("demo/packs");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(packs)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      find(
          identifiers,
          Normalizer.normalize(textOf(file), Normalizer.Form.NFC),
          file.toString(),
          leaks);
    }

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
            + " indexed documents and "
            + files.size()
            + " pack files for "
            + texts.size()
            + " planted identifiers");
    assertThat(documents).isGreaterThan(1000);
    assertThat(files).anyMatch(f -> f.toString().endsWith(".html"));
    assertThat(files).anyMatch(f -> f.toString().endsWith(".pdf"));
    assertThat(leaks).as("planted identifiers found in outputs").isEmpty();
  }

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
   * A pack file's text: a PDF's as PDFBox extracts it, an HTML or SVG file unescaped, others as
   * UTF-8.
   */
  private static String textOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (org.apache.pdfbox.pdmodel.PDDocument pdf =
          org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
        return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return name.endsWith(".html") || name.endsWith(".svg") ? HtmlUtils.htmlUnescape(text) : text;
  }
}
