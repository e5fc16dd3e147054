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

  static JsonNode benjaminiHochbergVectors() {
    return ROOT.get("benjamini_hochberg");
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
            TestStudy.bareAttributes(groupings),
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
