package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.triangulate.evaluate.Evaluation;
import org.triangulate.evaluate.NightEvaluation;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.study.Study;
import org.triangulate.synthesis.SynthesisPacks;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The synthesis packs of a real night on the demo study (PostgreSQL, Elasticsearch, CoreNLP): the
 * workshop pack holds a section for each planted pattern, quotes for every group that has coded
 * extracts, no participant twice in a section; every case gets a feedback pack with its own quotes
 * only; the same inputs give the same bytes. The night is {@link DemoNightIT}'s.
 */
abstract class SynthesisPacksChecks {

  /** Share of planted passages aligned to their item at the quote threshold: kept from falling. */
  private static final double QUOTABLE_RECALL = 0.7;

  @Autowired SynthesisPacks packs;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired Study study;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final Path packsDir = DemoNightIT.SUPPORT.out.resolve("demo/packs");
  private final Path workshop = packsDir.resolve("workshop-all");

  @Test
  void workshopPackHasASectionForEveryPlantedPattern() throws Exception {
    // given the patterns planted in the demo
    List<String> planted = plantedPatternIds();
    assertThat(planted).isNotEmpty();

    // then each is a section of the workshop pack, in the HTML and the PDF's text
    Document page = Jsoup.parse(workshop.resolve("index.html").toFile());
    List<String> sections = page.select("section.pattern").eachAttr("id");
    assertThat(sections).containsAll(planted);
    assertThat(Files.size(workshop.resolve("pack.pdf"))).isPositive();
    assertThat(pageInk(workshop.resolve("pack.pdf"))).isGreaterThan(0.005);
  }

  @Test
  void everyGroupWithCodedExtractsGetsAQuoteAndNoParticipantIsQuotedTwiceInASection()
      throws Exception {
    Document page = Jsoup.parse(workshop.resolve("index.html").toFile());
    Map<String, List<CSVRecord>> quotesBySection =
        quotes(workshop).stream().collect(Collectors.groupingBy(q -> q.get("pattern_id")));
    List<String> missing = new ArrayList<>();
    int rowsWithExtracts = 0;
    for (Element section : page.select("section.pattern")) {
      String patternId = section.id();
      String itemId = patternId.substring(patternId.indexOf(':') + 1);
      String grouping = section.attr("data-grouping");
      List<String> aligned = alignedExtracts(itemId);
      for (Element row : section.select("tbody tr")) {
        String group = row.attr("data-group");
        boolean hasExtracts = !quotableExtracts(aligned, grouping, group).isEmpty();
        boolean quoted = !row.select("td.quotes blockquote").isEmpty();
        if (hasExtracts) {
          rowsWithExtracts++;
          if (!quoted) {
            missing.add(patternId + " / " + group);
          }
        } else {
          // then a group without any says so plainly
          assertThat(row.select("td.quotes p.gap").text()).startsWith("No matching extract");
        }
      }
      // and nobody is quoted twice in a section
      List<String> participants =
          quotesBySection.getOrDefault(patternId, List.of()).stream()
              .map(q -> q.get("participant"))
              .toList();
      assertThat(participants).as(patternId).doesNotHaveDuplicates();
      assertThat(section.select("blockquote .who").eachText())
          .as(patternId)
          .hasSize(participants.size());
    }
    assertThat(rowsWithExtracts).isPositive();
    assertThat(missing).as("groups with aligned extracts but no quote").isEmpty();
  }

  @Test
  void quotesAreParticipantTurnsWithinTheLengthBoundsLabelledWithGroupAndCase() throws Exception {
    List<CSVRecord> quotes = quotes(workshop);
    assertThat(quotes).isNotEmpty();
    Map<String, ExtractDocument> documents = documents(quotes);
    Study.Attribute groupAttribute = study.participantAttributes().get(0);
    for (CSVRecord quote : quotes) {
      ExtractDocument document = documents.get(quote.get("extract_id"));
      assertThat(document).as(quote.get("extract_id")).isNotNull();
      assertThat(document.speakerRole()).isEqualTo(ExtractDocument.PARTICIPANT_ROLE);
      assertThat(document.text()).isEqualTo(quote.get("text"));
      assertThat(document.text().length())
          .isBetween(study.quotes().minChars(), study.quotes().maxChars());
      assertThat(document.participantId()).isEqualTo(quote.get("participant"));
      assertThat(document.caseId()).isEqualTo(quote.get("case"));
      assertThat(quote.get("label"))
          .startsWith(document.participantId() + " · ")
          .contains(
              study.groupLabel(groupAttribute.id(), document.attributes().get(groupAttribute.id())))
          .endsWith(" · " + document.caseId());
    }
    // and quotes of one section come from several cases where they can
    long sectionsOverSeveralCases =
        quotes.stream().collect(Collectors.groupingBy(q -> q.get("pattern_id"))).values().stream()
            .filter(q -> q.stream().map(r -> r.get("case")).distinct().count() > 1)
            .count();
    assertThat(sectionsOverSeveralCases).isPositive();
  }

  @Test
  void quotesAreAboutTheirRowsItemAndShowTheirSpeakersOwnAnswer() throws Exception {
    // given the planted truth: which item each stretch of transcript is about, and the answers
    NightEvaluation figures =
        NightEvaluation.measure(
            jdbc, study, PipelineTestSupport.HOME.resolve("data-in/demo"), packsDir);
    System.out.print(figures.table());

    // then in every pack nine quotes in ten or more overlap a passage about their row's item
    assertThat(figures.quotes()).hasSizeGreaterThan(2);
    for (Evaluation.QuoteFigures pack : figures.quotes()) {
      assertThat(pack.quotes()).as(pack.pack()).isPositive();
      assertThat(pack.itemPrecision())
          .as(pack.pack() + " item precision")
          .isGreaterThanOrEqualTo(0.9);
      // and each quote shows the answer its speaker gave that item
      assertThat(pack.answersShown()).as(pack.pack()).isEqualTo(pack.quotes());
      assertThat(pack.answersAgree())
          .as(pack.pack() + " answer agreement")
          .isEqualTo(pack.quotes());
    }
    // and planted passages are aligned to their item, most of them firmly enough to be quoted
    assertThat(figures.alignment().recall()).as("alignment recall").isGreaterThanOrEqualTo(0.85);
    assertThat(figures.quotable().recall())
        .as("alignment recall at the quote threshold")
        .isGreaterThanOrEqualTo(QUOTABLE_RECALL);
    // and the page shows the speaker's answer under each quote
    Document page = Jsoup.parse(workshop.resolve("index.html").toFile());
    assertThat(page.select("blockquote .answered").eachText())
        .isNotEmpty()
        .allMatch(t -> t.startsWith("answered: ") || t.equals("no answer to this item"));
  }

  @Test
  void everyCaseGetsAFeedbackPackWithItsOwnQuotesBesideStudyWideNumbers() throws Exception {
    List<String> cases =
        Files.readAllLines(PipelineTestSupport.HOME.resolve("data-in/demo/cases.csv")).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .map(l -> l.substring(0, l.indexOf(',')))
            .toList();
    for (String caseId : cases) {
      Path pack = packsDir.resolve("case-feedback-" + caseId);
      assertThat(pack.resolve("index.html")).as(caseId).isRegularFile();
      assertThat(pack.resolve("pack.pdf")).isRegularFile();
      List<CSVRecord> quotes = quotes(pack);
      assertThat(quotes).extracting(q -> q.get("case")).containsOnly(caseId);
      Document page = Jsoup.parse(pack.resolve("index.html").toFile());
      assertThat(page.select("section.pattern")).isNotEmpty();
      assertThat(page.select("td .studywide").eachText())
          .isNotEmpty()
          .allMatch(t -> t.startsWith("all cases"));
    }
  }

  @Test
  void theSameInputsGiveByteIdenticalPacks() throws Exception {
    // when the packs are written twice for the same run
    packs.writeAll(4242, DemoNightIT.NIGHT);
    Map<String, byte[]> first = contents(packsDir);
    packs.writeAll(4242, DemoNightIT.NIGHT);
    Map<String, byte[]> second = contents(packsDir);

    // then every file is the same, byte for byte
    assertThat(second.keySet()).isEqualTo(first.keySet());
    List<String> differing =
        first.keySet().stream()
            .filter(f -> !java.util.Arrays.equals(first.get(f), second.get(f)))
            .toList();
    assertThat(differing).isEmpty();
    assertThat(first.keySet()).anyMatch(f -> f.endsWith("pack.pdf"));
  }

  private List<String> plantedPatternIds() throws Exception {
    JsonNode root =
        YAMLMapper.builder()
            .build()
            .readTree(PipelineTestSupport.HOME.resolve("data-in/demo/planted.yml").toFile());
    List<String> ids = new ArrayList<>();
    for (JsonNode pattern : root.get("patterns")) {
      String type = pattern.get("type").asString();
      if (type.equals("NONE")) {
        continue;
      }
      if (type.equals("VARIES_BY")) {
        type += "_" + pattern.get("grouping").asString().toUpperCase(Locale.ROOT);
      }
      for (JsonNode item : pattern.get("items")) {
        ids.add(type + ":" + item.asString());
      }
    }
    return ids;
  }

  /**
   * Segments aligned to the item at the study's quote threshold, from the store: by two kinds of
   * evidence (a comma in the provenance), or by one with the uncorroborated quote's margin.
   */
  private List<String> alignedExtracts(String itemId) {
    return jdbc.queryForList(
        "select segment_id from item_alignment where study = ? and item_id = ? and score >= ?"
            + " and (score >= ? or provenance like '%,%')",
        String.class,
        study.name(),
        itemId,
        study.alignment().quoteMinScore(),
        study.quotes().uncorroboratedMinScore());
  }

  /** Participant turns among the aligned ones in the group within the study's quote lengths. */
  private List<ExtractDocument> quotableExtracts(
      List<String> aligned, String grouping, String group) throws Exception {
    if (aligned.isEmpty()) {
      return List.of();
    }
    String field =
        grouping.equals("case") ? "caseId" : ExtractIndexMapping.attributeField(grouping);
    List<ExtractDocument> found = new ArrayList<>();
    for (Hit<ExtractDocument> hit :
        elasticsearch
            .search(
                s ->
                    s.index(ExtractIndexMapping.alias(study.name()))
                        .size(2000)
                        .query(q ->
                            q.bool(b ->
                                b.filter(f ->
                                        f.term(t ->
                                            t.field("speakerRole")
                                                .value(ExtractDocument.PARTICIPANT_ROLE)))
                                    .filter(f -> f.ids(i -> i.values(aligned)))
                                    .filter(f -> f.term(t -> t.field(field).value(group))))),
                ExtractDocument.class)
            .hits()
            .hits()) {
      ExtractDocument d = hit.source();
      if (d.text().length() >= study.quotes().minChars()
          && d.text().length() <= study.quotes().maxChars()) {
        found.add(d);
      }
    }
    return found;
  }

  private Map<String, ExtractDocument> documents(List<CSVRecord> quotes) throws Exception {
    Map<String, ExtractDocument> documents = new HashMap<>();
    for (CSVRecord quote : quotes) {
      String id = quote.get("extract_id");
      var response =
          elasticsearch.get(
              g -> g.index(ExtractIndexMapping.alias(study.name())).id(id), ExtractDocument.class);
      if (response.found()) {
        documents.put(id, response.source());
      }
    }
    return documents;
  }

  private static List<CSVRecord> quotes(Path pack) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(Files.newBufferedReader(pack.resolve("quotes.csv")))
        .getRecords();
  }

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** Share of non-white pixels on page 1, rendered by poppler at 50 dpi. */
  private static double pageInk(Path pdf) throws Exception {
    Path prefix = Files.createTempDirectory("pack-page").resolve("page");
    Process process =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                pdf.toString(),
                prefix.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    BufferedImage image = ImageIO.read(prefix.resolveSibling("page.png").toFile());
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }
}
