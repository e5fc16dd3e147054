package org.triangulate.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks kappa, alpha, the 2x2 counts and the shares of text against {@code
 * agreement/reference.json}, written by {@code make_reference.py} with scikit-learn's {@code
 * cohen_kappa_score} and an alpha of its own checked against Krippendorff's worked examples.
 */
class AgreementReferenceTest {

  private static final double TOLERANCE = 1e-12;
  private static final JsonNode REFERENCE = json("reference.json");

  @Test
  void alphaMatchesKrippendorffsWorkedExamples() {
    for (JsonNode example : REFERENCE.get("worked_examples")) {
      List<List<Object>> units = new ArrayList<>();
      for (JsonNode unit : example.get("units")) {
        List<Object> values = new ArrayList<>();
        unit.forEach(v -> values.add(v.isNull() ? null : v.asInt()));
        units.add(values);
      }
      double alpha = KrippendorffAlpha.nominal(units);
      assertThat(alpha)
          .as(example.get("name").asString())
          .isCloseTo(example.get("alpha").asDouble(), within(TOLERANCE))
          .isCloseTo(example.get("published").asDouble(), within(0.0005));
    }
  }

  @Test
  void everyPairAndCategoryMatchesTheReference() {
    List<String> categories = new ArrayList<>();
    REFERENCE.get("categories").forEach(c -> categories.add(c.asString()));
    Agreement agreement = AgreementCalculator.compare(categories, fixture());
    JsonNode expected = REFERENCE.get("pairs");
    assertThat(agreement.rows()).hasSize(expected.size());
    int disagreements = 0;
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      Agreement.Row row = agreement.rows().get(i);
      String what = want.get("first") + " / " + want.get("second") + " / " + want.get("category");
      assertThat(List.of(row.firstCoder(), row.secondCoder(), row.category()))
          .as(what)
          .containsExactly(
              want.get("first").asString(),
              want.get("second").asString(),
              want.get("category").asString());
      PairTable t = row.table();
      assertThat(new long[] {t.both(), t.firstOnly(), t.secondOnly(), t.neither()})
          .as(what)
          .containsExactly(
              want.get("both").asLong(),
              want.get("first_only").asLong(),
              want.get("second_only").asLong(),
              want.get("neither").asLong());
      assertStatistic(what + " kappa", t.cohensKappa(), want.get("kappa"));
      assertStatistic(what + " alpha", t.krippendorffAlpha(), want.get("alpha"));
      assertStatistic(what + " first share", t.firstShare(), want.get("first_share"));
      assertStatistic(what + " second share", t.secondShare(), want.get("second_share"));
      disagreements += (int) (t.firstOnly() + t.secondOnly());
    }
    assertThat(agreement.disagreements()).hasSize(disagreements);
  }

  @Test
  void listsEachDisagreementWithWhoCodedIt() {
    Agreement agreement = AgreementCalculator.compare(List.of("clarity"), fixture());
    // The item coder never uses this category: every disagreement with it is the other's coding.
    assertThat(agreement.disagreements())
        .filteredOn(d -> d.codedBy().equals("item") || d.notCodedBy().equals("item"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.notCodedBy()).isEqualTo("item"));
  }

  private static void assertStatistic(String what, double actual, JsonNode expected) {
    if (expected.isNull()) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(TOLERANCE));
    }
  }

  private static CodedSegments fixture() {
    Map<String, CodedSegments.Unit> units = new LinkedHashMap<>();
    for (CSVRecord r : csv("units.csv")) {
      units.put(
          r.get("segment_id"),
          new CodedSegments.Unit(
              r.get("segment_id"), r.get("participant_id"), Integer.parseInt(r.get("chars"))));
    }
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    Map<String, Map<String, Set<String>>> categories = new HashMap<>();
    for (CSVRecord r : csv("coders.csv")) {
      seen.computeIfAbsent(r.get("coder"), c -> new HashSet<>()).add(r.get("segment_id"));
      if (!r.get("categories").isEmpty()) {
        categories
            .computeIfAbsent(r.get("coder"), c -> new HashMap<>())
            .put(r.get("segment_id"), new HashSet<>(Arrays.asList(r.get("categories").split(";"))));
      }
    }
    List<CodedSegments.Coder> coders = new ArrayList<>();
    seen.forEach((name, segments) ->
        coders.add(
            new CodedSegments.Coder(name, segments, categories.getOrDefault(name, Map.of()))));
    return new CodedSegments(units, coders);
  }

  private static List<CSVRecord> csv(String name) {
    try (InputStream in = resource(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .get()
          .parse(new java.io.StringReader(text))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String name) {
    try (InputStream in = resource(name)) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = AgreementReferenceTest.class.getResourceAsStream("/agreement/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource agreement/" + name);
    }
    return in;
  }
}
