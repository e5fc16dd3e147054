package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.triangulate.study.Codebook;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference values in {@code stats/reference.json}, written by {@code make_reference.py} with
 * scipy/numpy: the datasets' inputs and the statistics expected of them.
 */
final class ReferenceFixture {

  /**
   * Agreement demanded of every statistic: 1e-9 relative. Only where the reference is exactly 0
   * (e.g. the chi-square of identical rows, computed as a sum of rounding residues) is an absolute
   * 1e-12 accepted instead; tiny p-values are still held to 1e-9 of their own size.
   */
  static final double RELATIVE = 1e-9;

  static final double ABSOLUTE_AT_ZERO = 1e-12;

  private static final JsonNode ROOT = load();

  private ReferenceFixture() {}

  /** A dataset: its study, answers, memberships and expected outputs. */
  record Dataset(
      String name,
      Study study,
      List<Answer> answers,
      Map<String, Map<String, String>> groups,
      JsonNode expectedItems,
      JsonNode expectedComparisons) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Dataset> datasets() {
    return stream(ROOT.get("datasets")).map(ReferenceFixture::dataset).toList();
  }

  /**
   * The reference datasets, plus the demo as the nightly job reads it ({@link DemoStudyData}, with
   * config/demo/study.yml's own thresholds and group order) checked against the reference's demo
   * numbers, when the demo inputs are those the reference was made from ({@link
   * DemoStatisticsReferenceTest} fails when they are not).
   */
  static List<Dataset> datasetsWithLiveDemo() {
    List<Dataset> datasets = new ArrayList<>(datasets());
    if (demoIsCurrent()) {
      Dataset reference = dataset("demo");
      DemoStudyData demo = DemoStudyData.load();
      datasets.add(
          new Dataset(
              "demo as the nightly job reads it",
              demo.study(),
              demo.answers(),
              demo.groups(),
              reference.expectedItems(),
              reference.expectedComparisons()));
    }
    return datasets;
  }

  /** Whether every demo input has the SHA-256 recorded when the reference was made. */
  static boolean demoIsCurrent() {
    return staleDemoSources().isEmpty();
  }

  /** Demo inputs whose SHA-256 differs from the one recorded in the reference. */
  static List<String> staleDemoSources() {
    return sources("demo").entrySet().stream()
        .filter(e -> !DemoStudyData.sha256(e.getKey()).equals(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  static JsonNode benjaminiHochbergVectors() {
    return ROOT.get("benjamini_hochberg");
  }

  static List<JsonNode> rankTests() {
    return stream(ROOT.get("rank_tests")).toList();
  }

  static List<JsonNode> monteCarloTables() {
    return stream(ROOT.get("monte_carlo_tables")).toList();
  }

  static Dataset dataset(String name) {
    return datasets().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  /** The recorded SHA-256 of each file a dataset was read from (only the demo's has any). */
  static Map<String, String> sources(String datasetName) {
    Map<String, String> sources = new LinkedHashMap<>();
    stream(ROOT.get("datasets"))
        .filter(d -> d.get("name").asString().equals(datasetName))
        .findFirst()
        .map(d -> d.get("sources"))
        .ifPresent(
            s -> s.properties().forEach(e -> sources.put(e.getKey(), e.getValue().asString())));
    return sources;
  }

  /**
   * How far a Monte Carlo p from {@code tables} tables may lie from the p it estimates, {@code
   * reference}: 5 binomial standard errors (a correct implementation misses by more with
   * probability below 1e-6; the seed is fixed, so the test never flickers) plus the 1 / (tables +
   * 1) the "+1" estimator adds. The variance uses at least 1 / tables for p, so a p too small to
   * show in that many tables still gets a few tables' room. When the reference is itself a Monte
   * Carlo estimate from {@code referenceTables} tables, its error is added the same way.
   */
  static double monteCarloTolerance(double reference, int tables, JsonNode referenceTables) {
    double tolerance = monteCarloError(reference, tables);
    if (referenceTables != null && !referenceTables.isNull()) {
      tolerance += monteCarloError(reference, referenceTables.asInt());
    }
    return tolerance;
  }

  private static double monteCarloError(double p, int tables) {
    double floored = Math.max(p, 1.0 / tables);
    return 5 * Math.sqrt(floored * (1 - Math.min(p, 1 - 1.0 / tables)) / tables)
        + 1.0 / (tables + 1);
  }

  /** Asserts {@code actual} matches the reference: NaN when it is null, else close to it. */
  static void assertMatches(String what, double actual, JsonNode expected) {
    if (expected == null || expected.isNull()) {
      assertThat(actual).as(what).isNaN();
    } else {
      double e = expected.asDouble();
      double tolerance = e == 0 ? ABSOLUTE_AT_ZERO : RELATIVE * Math.abs(e);
      assertThat(actual).as(what).isCloseTo(e, within(tolerance));
    }
  }

  static List<String> strings(JsonNode array) {
    return stream(array).map(JsonNode::asString).toList();
  }

  static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static Dataset dataset(JsonNode node) {
    List<Study.Item> items =
        stream(node.get("items"))
            .map(i ->
                new Study.Item(
                    i.get("id").asString(), i.get("domain").asString(), i.get("id").asString()))
            .toList();
    List<String> groupings = strings(node.get("groupings"));
    Study study =
        TestStudy.of(
            items,
            attributes(groupings, node.get("group_order")),
            TestStudy.thresholdsWithMinGroupN(node.get("min_group_n").asInt()),
            new Codebook(List.of()));
    List<Answer> answers = new ArrayList<>();
    for (JsonNode a : node.get("answers")) {
      Happening happening = a.get(2).isNull() ? null : Happening.ofCode(a.get(2).asString());
      Integer importance = a.get(3).isNull() ? null : a.get(3).asInt();
      answers.add(new Answer(a.get(0).asString(), a.get(1).asString(), happening, importance));
    }
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> participant : node.get("memberships").properties()) {
      Map<String, String> memberships = new LinkedHashMap<>();
      participant
          .getValue()
          .properties()
          .forEach(m -> memberships.put(m.getKey(), m.getValue().asString()));
      groups.put(participant.getKey(), memberships);
    }
    JsonNode expected = node.get("expected");
    return new Dataset(
        node.get("name").asString(),
        study,
        List.copyOf(answers),
        groups,
        expected.get("items"),
        expected.get("comparisons"));
  }

  /** Groupings as attributes whose declared values (if any) give the groups' display order. */
  private static List<Study.Attribute> attributes(List<String> groupings, JsonNode groupOrder) {
    return groupings.stream()
        .map(g -> {
          Map<String, String> values = new LinkedHashMap<>();
          if (groupOrder != null && groupOrder.has(g)) {
            strings(groupOrder.get(g)).forEach(v -> values.put(v, v));
          }
          return new Study.Attribute(g, g, values);
        })
        .toList();
  }

  private static JsonNode load() {
    try (InputStream in = ReferenceFixture.class.getResourceAsStream("/stats/reference.json")) {
      if (in == null) {
        throw new IllegalStateException("stats/reference.json missing: run make_reference.py");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
