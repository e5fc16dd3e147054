package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.batch.NightlyRunner;
import org.triangulate.batch.RunReport;
import org.triangulate.evaluate.ExtractSpan;
import org.triangulate.evaluate.PlantedPassage;
import org.triangulate.evaluate.PlantedTruth;
import org.triangulate.evaluate.StoredExtracts;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyst search in real headless Chromium, served by the real application over the demo study
 * (one transcript given a turn of hostile markup) indexed by the nightly job into the real test
 * node, with the store in PostgreSQL. Keeps a screenshot in {@code target/screenshots/}.
 */
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=file:../config/application.yml",
      "server.address=127.0.0.1"
    })
class SearchPageBrowserIT {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA =
      "triangulate_web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final Path HOME = TestElasticsearch.home();
  private static final Path OUT = HOME.resolve("jobs/target/it-out/" + SCHEMA);
  private static final Path IN = OUT.resolve("data-in");
  static final String HOSTILE =
      "Pay was the sticking point. <script>window.__xss=1</script> They said \"><img src=x"
          + " onerror=\"window.__xss=2\"> and left it.";

  private static boolean indexed;
  private static ChromeDriver browser;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    copyDemoWithHostileTurn();
    registry.add("triangulate.config-dir", () -> HOME.resolve("config").toString());
    registry.add("triangulate.data-in", IN::toString);
    registry.add("triangulate.data-out", OUT::toString);
    registry.add("logging.file.name", () -> OUT.resolve("triangulate.log").toString());
    registry.add("spring.datasource.url", () -> POSTGRES + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    TestElasticsearch.registerUris(registry);
  }

  private static void copyDemoWithHostileTurn() throws Exception {
    Path demo = HOME.resolve("data-in/demo");
    Path target = IN.resolve("demo");
    // The first 30 transcripts and no REFI-QDA project: every page feature, at a third of the
    // night.
    Path transcripts = demo.resolve("transcripts");
    java.util.Set<Path> kept;
    try (Stream<Path> files = Files.list(transcripts)) {
      kept = files.sorted().limit(30).collect(java.util.stream.Collectors.toSet());
    }
    try (Stream<Path> files = Files.walk(demo)) {
      for (Path file :
          files
              .filter(f -> !f.startsWith(demo.resolve("coding")))
              .filter(f -> !transcripts.equals(f.getParent()) || kept.contains(f))
              .toList()) {
        Path copy = target.resolve(demo.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(
        target.resolve("transcripts").resolve(firstCommissioner(target) + ".txt"),
        "\n\nInterviewer: Anything else on pay?\n\nRespondent: " + HOSTILE + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** The first commissioner with a plain-text transcript: the demo's ids are the generator's. */
  private static String firstCommissioner(Path study) throws Exception {
    try (var reader = Files.newBufferedReader(study.resolve("participants.csv"))) {
      for (var row :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String id = row.get("participant_id");
        if ("commissioner".equals(row.get("stakeholder_group"))
            && Files.isRegularFile(study.resolve("transcripts").resolve(id + ".txt"))) {
          return id;
        }
      }
    }
    throw new IllegalStateException("the demo has no commissioner with a .txt transcript");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
      c.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired NightlyRunner runner;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired ExtractSearchService search;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void indexOnceAndOpenTheBrowser() throws Exception {
    if (!indexed) {
      RunReport report = runner.run(LocalDate.of(2026, 11, 26));
      assertThat(report.steps())
          .filteredOn(s -> s.step().equals("swapExtractAliasStep"))
          .singleElement()
          .satisfies(s -> assertThat(s.status()).isEqualTo("COMPLETED"));
      indexed = true;
    }
    if (browser == null) {
      browser = HeadlessChromium.start();
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void givenAWord_whenSearching_thenShowsMatchesWithTheirDerivedFormsHighlighted()
      throws Exception {
    // when
    browser.get(base() + "/?q=supervising");

    // then "supervision" is found and marked although the analyst typed "supervising"
    assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("extracts");
    List<String> marks =
        browser.findElements(By.cssSelector(".hit mark")).stream()
            .map(e -> e.getText().toLowerCase(java.util.Locale.ROOT))
            .toList();
    assertThat(marks).isNotEmpty().contains("supervision");
    Path screenshots = HOME.resolve("jobs/target/screenshots");
    Files.createDirectories(screenshots);
    Files.write(screenshots.resolve("search.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void givenPay_whenTickingCommissioners_thenOnlyCommissionersExtractsRemain() {
    // given
    browser.get(base() + "/?q=pay");
    long before = total();

    // when the commissioners' box is ticked and the filters applied
    browser
        .findElement(By.cssSelector("input[name=stakeholder_group][value=commissioner]"))
        .click();
    WebElement shown = browser.findElement(By.cssSelector(".summary"));
    browser.findElement(By.xpath("//button[normalize-space()='Apply filters']")).click();
    // The form submits a new page: read it, not the one it replaces.
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(d -> isGone(shown));

    // then
    long after = total();
    assertThat(after).isPositive().isLessThan(before);
    List<WebElement> hits = browser.findElements(By.cssSelector(".hit"));
    assertThat(hits)
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.getText()).contains("Commissioners"))
        .allSatisfy(h -> assertThat(h.findElements(By.tagName("mark"))).isNotEmpty());
    assertThat(
            browser
                .findElement(By.cssSelector("input[name=stakeholder_group][value=commissioner]"))
                .isSelected())
        .isTrue();
  }

  /**
   * Whether the element's page has been replaced. Selenium's stalenessOf expects a stale-element
   * error; Chromium may instead answer that the node does not belong to the document, while the new
   * page loads.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  @Test
  void givenAHit_whenOpeningItsContext_thenShowsTheTurnsAroundItWithTheWordMarked() {
    browser.get(base() + "/?q=training");

    browser.findElement(By.cssSelector("a.context")).click();

    assertThat(browser.getCurrentUrl()).contains("/extracts/").contains("q=training");
    WebElement extract = browser.findElement(By.id("extract"));
    assertThat(extract.findElements(By.tagName("mark"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("li.turn"))).hasSizeGreaterThan(1);
    assertThat(browser.findElement(By.id("back")).getAttribute("href")).endsWith("/?q=training");
  }

  @Test
  void givenOnlyAKeyboard_whenSearchingAndOpeningAResult_thenEverythingIsReachable() {
    // given the search box has focus on arrival
    browser.get(base() + "/");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");

    // when typing and pressing Enter, then tabbing to the first "Read in context" link
    browser.switchTo().activeElement().sendKeys("training", Keys.ENTER);
    assertThat(browser.getCurrentUrl()).contains("q=training");
    String reached = null;
    for (int i = 0; i < 300 && reached == null; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      WebElement focused = browser.switchTo().activeElement();
      if ("a".equals(focused.getTagName()) && focused.getAttribute("class").contains("context")) {
        reached = focused.getAttribute("href");
      }
    }
    assertThat(reached).as("a 'Read in context' link is reachable with Tab").isNotNull();
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    // then
    assertThat(browser.getCurrentUrl()).isEqualTo(reached);
    assertThat(browser.findElement(By.id("extract")).getText()).isNotBlank();
  }

  @Test
  void givenHostileMarkupInATranscript_whenShown_thenItIsTextAndNothingRuns() {
    // when the turn carrying the markup is found and opened
    browser.get(
        base() + "/?q=" + java.net.URLEncoder.encode("\"sticking point\"", StandardCharsets.UTF_8));
    String shown = browser.findElement(By.cssSelector(".hit blockquote")).getText();
    browser.findElement(By.cssSelector("a.context")).click();

    // then it reads as typed, no element was made of it, and no script ran
    assertThat(shown).contains("<script>window.__xss=1</script>").contains("onerror=");
    assertThat(browser.findElement(By.id("extract")).getText()).contains("<script>");
    assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
    assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void givenTheSearchAndContextPages_whenLoaded_thenTheBrowserAsksNothingOfAnyOtherOrigin() {
    browser.manage().logs().get("performance"); // drop earlier entries
    browser.get(base() + "/?q=pay&view=kwic");
    browser.get(base() + "/?q=pay");
    browser.findElement(By.cssSelector("a.context")).click();

    List<String> urls = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get("performance")) {
      JsonNode message = JsonMapper.builder().build().readTree(entry.getMessage()).path("message");
      if (message.path("method").asString().equals("Network.requestWillBeSent")) {
        urls.add(message.path("params").path("request").path("url").asString());
      }
    }
    assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(base() + "/"));
  }

  @Test
  void givenPayForCommissioners_thenFacetCountsEqualADirectAggregationAndTheExportHasEveryHit()
      throws Exception {
    // given the acceptance search: "pay", commissioners only
    ExtractQuery query =
        new ExtractQuery(
            "pay",
            Map.of("stakeholder_group", List.of("commissioner")),
            1,
            100,
            SearchSort.RELEVANCE);
    ExtractSearchResult result = search.search(query);

    // then every hit is a commissioner's, with pay marked
    assertThat(result.hits())
        .isNotEmpty()
        .allSatisfy(h -> {
          assertThat(h.attributes()).containsEntry("stakeholder_group", "commissioner");
          assertThat(h.highlights()).isNotEmpty();
        });

    // and the group facet (which ignores its own filter) equals ES's own count of "pay" per group
    var direct =
        elasticsearch.search(
            s ->
                s.index(ExtractIndexMapping.alias("demo"))
                    .size(0)
                    .query(q -> q.term(t -> t.field("stems").value("pay")))
                    .aggregations(
                        "groups",
                        a -> a.terms(t -> t.field("attributes.stakeholder_group").size(50))),
            Void.class);
    Map<String, Long> expected =
        direct.aggregations().get("groups").sterms().buckets().array().stream()
            .collect(Collectors.toMap(b -> b.key().stringValue(), StringTermsBucket::docCount));
    Map<String, Long> facet =
        result.facets().stream()
            .filter(f -> f.id().equals("stakeholder_group"))
            .findFirst()
            .orElseThrow()
            .buckets()
            .stream()
            .collect(Collectors.toMap(Facet.Bucket::value, Facet.Bucket::count));
    assertThat(facet).isEqualTo(expected);

    // and the export link of the page gives one CSV row per hit
    browser.get(base() + "/?q=pay&stakeholder_group=commissioner");
    String exportUrl = browser.findElement(By.id("export")).getAttribute("href");
    HttpResponse<String> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(exportUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).contains("attachment"));
    long rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv.body()))
            .getRecords()
            .size();
    assertThat(rows).isEqualTo(result.total()).isEqualTo(total());
  }

  @Test
  void givenAnExtractId_whenAskingTheApi_thenAnswersItWithItsTurnsOrA404() throws Exception {
    String id =
        search
            .search(new ExtractQuery("training", Map.of(), 1, 1, SearchSort.RELEVANCE))
            .hits()
            .getFirst()
            .id();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/extracts/" + id + "?turns=1")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/extracts/nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> badTurns =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/extracts/" + id + "?turns=99"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode body = JsonMapper.builder().build().readTree(found.body());
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(body.path("extract").path("id").asString()).isEqualTo(id);
    assertThat(body.path("inStore").asBoolean()).isTrue();
    assertThat(body.path("before").size() + body.path("after").size()).isBetween(1, 2);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(badTurns.statusCode()).isEqualTo(400);
    assertThat(badTurns.body()).contains("turns");
  }

  @Test
  void givenTheNightIndexed_whenAskingForHealth_thenElasticsearchTheStoreAndTheExtractsAreUp()
      throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // Without accounts on loopback, the components are shown to whoever asks.
    JsonNode body = JsonMapper.shared().readTree(health.body());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(body.path("status").asString()).isEqualTo("UP");
    JsonNode components = body.path("components");
    assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("db").path("details").path("database").asString())
        .isEqualTo("PostgreSQL");
    assertThat(components.path("extracts").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("extracts").path("details").path("alias").asString())
        .isEqualTo(ExtractIndexMapping.alias("demo"));
  }

  // ---- by meaning and more like this ------------------------------------------------------

  /** Two words that no transcript of the demo says, about what its pay_parity passages say. */
  private static final String PAY_WITHOUT_ITS_WORDS = "salary unfair";

  private static final Map<String, List<String>> PARTICIPANTS =
      Map.of(SearchDimensions.ROLE, List.of("participant"));

  @Test
  void givenTheNight_thenEveryTranscriptExtractCarriesTheVectorAlignmentStoredForIt()
      throws Exception {
    // given the vectors item alignment stored
    Map<String, byte[]> stored = new java.util.HashMap<>();
    jdbc.query(
        "select segment_id, embedding from segment where study = 'demo' and embedding is not null",
        rs -> {
          stored.put(rs.getString(1), rs.getBytes(2));
        });

    // when counting the indexed extracts with a vector, and reading a few back
    long withVector =
        elasticsearch
            .count(c ->
                c.index(ExtractIndexMapping.alias("demo"))
                    .query(q -> q.exists(e -> e.field(ExtractIndexMapping.VECTOR))))
            .count();
    long segments =
        jdbc.queryForObject("select count(*) from segment where study = 'demo'", Long.class);

    // then every segment has one in the store and in the index, and they are the same
    assertThat(stored).hasSize((int) segments);
    assertThat(withVector).isEqualTo(segments);
    for (String id : stored.keySet().stream().sorted().limit(5).toList()) {
      var indexed =
          elasticsearch.get(
              g ->
                  g.index(ExtractIndexMapping.alias("demo"))
                      .id(id)
                      .sourceExcludeVectors(false)
                      .sourceIncludes(ExtractIndexMapping.VECTOR),
              VectorOnly.class);
      float[] vector = indexed.source().vector();
      float[] expected = org.triangulate.align.Vectors.of(stored.get(id));
      assertThat(vector).hasSize(ExtractIndexMapping.VECTOR_DIMS);
      for (int i = 0; i < expected.length; i++) {
        assertThat(vector[i]).isCloseTo(expected[i], within(1e-6f));
      }
    }
  }

  /** An indexed extract's vector, as read from its source. */
  record VectorOnly(float[] vector) {}

  @Test
  void givenWordsNoTranscriptSays_whenSearchingByMeaning_thenFindsThePassagesAboutThem() {
    // given words no extract has: by words, nothing is found
    ExtractSearchResult byWords =
        search.search(
            new ExtractQuery(
                PAY_WITHOUT_ITS_WORDS,
                PARTICIPANTS,
                1,
                10,
                SearchSort.RELEVANCE,
                null,
                SearchMode.WORDS,
                null));

    // when searching by meaning
    ExtractSearchResult byMeaning =
        search.search(
            new ExtractQuery(
                PAY_WITHOUT_ITS_WORDS,
                PARTICIPANTS,
                1,
                10,
                SearchSort.RELEVANCE,
                null,
                SearchMode.MEANING,
                null));

    // then most of the first ten are about pay parity by the planted truth, sharing no word with
    // the query, and none of them was found by words
    assertThat(byWords.total()).isZero();
    assertThat(byMeaning.hits()).hasSize(10);
    Map<String, ExtractSpan> spans = new StoredExtracts(jdbc, "demo").participantSpans();
    PlantedTruth truth = PlantedTruth.read(IN.resolve("demo/planted.yml"));
    List<ExtractHit> aboutPay =
        byMeaning.hits().stream()
            .filter(h -> plantedItems(truth, spans.get(h.id())).contains("pay_parity"))
            .toList();
    assertThat(aboutPay).hasSizeGreaterThanOrEqualTo(7);
    assertThat(aboutPay)
        .allSatisfy(h ->
            assertThat(h.text().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("salary")
                .doesNotContain("unfair"));
  }

  @Test
  void givenAFilter_whenSearchingByMeaning_thenEveryHitAndTheCountsKeepToIt() {
    // given
    Map<String, List<String>> commissioners = Map.of("stakeholder_group", List.of("commissioner"));

    // when
    ExtractSearchResult all =
        search.search(
            new ExtractQuery(
                PAY_WITHOUT_ITS_WORDS,
                Map.of(),
                1,
                100,
                SearchSort.RELEVANCE,
                null,
                SearchMode.MEANING,
                null));
    ExtractSearchResult filtered =
        search.search(
            new ExtractQuery(
                PAY_WITHOUT_ITS_WORDS,
                commissioners,
                1,
                100,
                SearchSort.RELEVANCE,
                null,
                SearchMode.MEANING,
                null));

    // then every hit is a commissioner's, as many as the total says, and the filtered facet's
    // count for commissioners is that total
    assertThat(filtered.hits())
        .isNotEmpty()
        .allSatisfy(
            h -> assertThat(h.attributes()).containsEntry("stakeholder_group", "commissioner"));
    assertThat(filtered.total()).isEqualTo(filtered.hits().size());
    assertThat(all.hits())
        .anySatisfy(h ->
            assertThat(h.attributes()).doesNotContainEntry("stakeholder_group", "commissioner"));
    assertThat(
            filtered.facets().stream()
                .filter(f -> f.id().equals("stakeholder_group"))
                .flatMap(f -> f.buckets().stream())
                .filter(b -> b.value().equals("commissioner"))
                .map(Facet.Bucket::count))
        .containsExactly(filtered.total());
  }

  @Test
  void
      givenExtractsAboutTenItems_whenAskingForMoreLikeEach_thenMostNeighboursAreAboutTheSameItem() {
    // given the first participant extract lying wholly in a planted passage, of ten items
    Map<String, ExtractSpan> spans = new StoredExtracts(jdbc, "demo").participantSpans();
    PlantedTruth truth = PlantedTruth.read(IN.resolve("demo/planted.yml"));
    Map<String, String> seeds = new java.util.TreeMap<>();
    spans.values().stream()
        .filter(s -> s.end() - s.start() >= 100)
        .sorted(java.util.Comparator.comparing(ExtractSpan::segmentId))
        .forEach(s ->
            truth.passages(s.file()).stream()
                .filter(p -> p.start() <= s.start() && s.end() <= p.end())
                .findFirst()
                .ifPresent(p -> {
                  if (seeds.size() < 10 && !seeds.containsValue(p.item())) {
                    seeds.put(s.segmentId(), p.item());
                  }
                }));
    assertThat(seeds).hasSize(10);

    // when asking for the five extracts most like each, among participants' words
    int same = 0;
    int shown = 0;
    for (Map.Entry<String, String> seed : seeds.entrySet()) {
      ExtractSearchResult like =
          search.search(
              new ExtractQuery("", PARTICIPANTS, 1, 5, SearchSort.RELEVANCE).like(seed.getKey()));

      // then the extract itself is never among them, it is named as what they are like
      assertThat(like.like().id()).isEqualTo(seed.getKey());
      assertThat(like.hits())
          .hasSize(5)
          .noneSatisfy(h -> assertThat(h.id()).isEqualTo(seed.getKey()));
      for (ExtractHit hit : like.hits()) {
        shown++;
        if (plantedItems(truth, spans.get(hit.id())).contains(seed.getValue())) {
          same++;
        }
      }
    }
    // and more often than not a neighbour is about the same item
    assertThat(same)
        .as("%d of %d neighbours about the same item", same, shown)
        .isGreaterThan(shown / 2);
  }

  @Test
  void givenALikeOfAWorkshopNoteOrNothing_whenSearching_thenTheApiSaysWhy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/search?like=nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> badMode =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/search?q=pay&mode=sense")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> meaning =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/api/search?q=salary+unfair&mode=meaning&size=3"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("like");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(badMode.body()).contains("mode").contains("meaning");
    JsonNode body = JsonMapper.builder().build().readTree(meaning.body());
    assertThat(meaning.statusCode()).isEqualTo(200);
    assertThat(body.path("hits").size()).isEqualTo(3);
    // Vectors stay in the index: a hit is its text and pseudonyms.
    assertThat(meaning.body()).doesNotContain("vector");
  }

  @Test
  void
      givenTheModeControl_whenSearchingByMeaningAndFollowingMoreLikeThis_thenBothWorkInTheBrowser() {
    // when words no transcript says are searched by meaning from the page's controls
    browser.get(base() + "/");
    browser.findElement(By.id("q")).sendKeys(PAY_WITHOUT_ITS_WORDS);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mode")))
        .selectByValue("meaning");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys(Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(d -> isGone(box));

    // then extracts are found, and the control still says how
    assertThat(browser.getCurrentUrl()).contains("mode=meaning");
    assertThat(total()).isPositive();
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mode")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("meaning");

    // when following the first hit's "More like this extract"
    String liked = likeOf(browser.findElement(By.cssSelector(".hit a.like")).getAttribute("href"));
    String likedText = browser.findElement(By.cssSelector(".hit blockquote")).getText();
    browser.findElement(By.cssSelector(".hit a.like")).click();

    // then the page names the extract (by pseudonyms) and lists others like it, not itself
    assertThat(likeOf(browser.getCurrentUrl())).isEqualTo(liked);
    assertThat(browser.findElement(By.cssSelector("#like blockquote")).getText())
        .isEqualTo(likedText);
    assertThat(browser.findElement(By.cssSelector("#like")).getText()).containsPattern("P\\d+");
    List<String> shown =
        browser.findElements(By.cssSelector(".hit a.like")).stream()
            .map(a -> likeOf(a.getAttribute("href")))
            .toList();
    assertThat(shown).isNotEmpty().doesNotContain(liked);

    // and the extract's page in its transcript leads to the same search
    browser.get(base() + "/extracts/" + java.net.URLEncoder.encode(liked, StandardCharsets.UTF_8));
    browser.findElement(By.cssSelector("#extract a.like")).click();
    assertThat(likeOf(browser.getCurrentUrl())).isEqualTo(liked);
    assertThat(browser.findElement(By.cssSelector("#like blockquote")).getText())
        .isEqualTo(likedText);
    assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  /** The {@code like} parameter of a URL. */
  private static String likeOf(String url) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]like=([^&]*)").matcher(url);
    assertThat(m.find()).as("%s has a like parameter", url).isTrue();
    return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  /** The items of the planted passages a participant extract overlaps; none for other extracts. */
  private static java.util.Set<String> plantedItems(PlantedTruth truth, ExtractSpan span) {
    if (span == null) {
      return java.util.Set.of();
    }
    return truth.passages(span.file()).stream()
        .filter(p -> p.start() < span.end() && span.start() < p.end())
        .map(PlantedPassage::item)
        .collect(Collectors.toSet());
  }

  private long total() {
    String summary = browser.findElement(By.cssSelector(".summary")).getText();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("of (\\d+) extracts").matcher(summary);
    assertThat(m.find()).as("summary '%s' gives a total", summary).isTrue();
    return Long.parseLong(m.group(1));
  }
}
