package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.triangulate.study.Happening;
import tools.jackson.databind.JsonNode;

/**
 * Checks the {@code items.csv} and {@code comparisons.csv} a real night wrote for the demo, cell by
 * cell, against the scipy reference ({@code make_reference.py}'s demo dataset): the night loads
 * answers and groups with its own SQL, so this covers what the statistics unit tests (which read
 * the demo with the CSV loader) do not. Every column is checked: numbers to 1e-9 relative (an empty
 * cell where the reference has none), a Monte Carlo p within its binomial error of the exact p, the
 * notes and groups from the rules the reference restates.
 */
public final class NightStatsFilesCheck {

  private NightStatsFilesCheck() {}

  /** Asserts the two files in {@code statsDirectory} equal the reference's demo numbers. */
  public static void assertMatchesReference(Path statsDirectory) throws IOException {
    assertThat(ReferenceFixture.staleDemoSources())
        .as(
            "demo inputs changed since jobs/src/test/resources/stats/reference.json was written; "
                + "run: python3 jobs/src/test/resources/stats/make_reference.py")
        .isEmpty();
    ReferenceFixture.Dataset reference = ReferenceFixture.dataset("demo");
    int minGroupN = reference.study().patterns().minGroupN();
    int tables = DemoStudyData.load().study().patterns().monteCarloTables();
    boolean biasCorrected = DemoStudyData.load().study().patterns().cramersVBiasCorrected();
    checkItems(read(statsDirectory.resolve("items.csv")), reference.expectedItems(), minGroupN);
    checkComparisons(
        read(statsDirectory.resolve("comparisons.csv")),
        reference.expectedComparisons(),
        tables,
        biasCorrected);
  }

  private static void checkItems(List<CSVRecord> rows, JsonNode expectedRows, int minGroupN) {
    Map<String, CSVRecord> byKey = byKey(rows, r -> r.get("group"));
    assertThat(byKey.keySet())
        .as("items.csv rows")
        .containsExactlyInAnyOrderElementsOf(
            ReferenceFixture.stream(expectedRows).map(e -> key(e, e.get("group"))).toList());
    assertThat(rows).as("items.csv has one row per key").hasSize(byKey.size());
    List<String> numbers = new ArrayList<>();
    for (Happening h : Happening.values()) {
      numbers.add("pct_" + h.code());
    }
    numbers.addAll(
        List.of(
            "pct_yes_ci_low",
            "pct_yes_ci_high",
            "in_place_share",
            "importance_mean",
            "importance_sd",
            "importance_ci_low",
            "importance_ci_high",
            "in_place_or_partly_share",
            "importance_median"));
    List<String> counts = new ArrayList<>(List.of("n", "importance_n"));
    for (Happening h : Happening.values()) {
      counts.add("n_" + h.code());
    }
    for (JsonNode expected : ReferenceFixture.stream(expectedRows).toList()) {
      String key = key(expected, expected.get("group"));
      CSVRecord row = byKey.get(key);
      assertThat(row.get("domain")).as(key + " domain").isEqualTo(text(expected, "domain"));
      for (String column : counts) {
        assertThat(row.get(column))
            .as(key + " " + column)
            .isEqualTo(String.valueOf(expected.get(column).asInt()));
      }
      for (String column : numbers) {
        assertCell(key + " " + column, row.get(column), expected.get(column));
      }
      String note = row.get("note");
      List<String> notes = new ArrayList<>();
      if (expected.get("below_min_n").asBoolean()) {
        notes.add("n " + expected.get("n").asInt() + " < min-group-n " + minGroupN);
      }
      if (expected.get("importance_below_min_n").asBoolean()) {
        notes.add(
            "importance n " + expected.get("importance_n").asInt() + " < min-group-n " + minGroupN);
      }
      if (notes.isEmpty()) {
        assertThat(note).as(key + " note").isEmpty();
      } else {
        assertThat(note).as(key + " note").contains(notes);
      }
    }
  }

  private static void checkComparisons(
      List<CSVRecord> rows, JsonNode expectedRows, int tables, boolean biasCorrected) {
    Map<String, CSVRecord> byKey = byKey(rows, r -> family(r.get("test")));
    List<JsonNode> expected = ReferenceFixture.stream(expectedRows).toList();
    assertThat(byKey.keySet())
        .as("comparisons.csv rows")
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(e -> key(e, e.get("family"))).toList());
    assertThat(rows).as("comparisons.csv has one row per key").hasSize(byKey.size());
    for (JsonNode e : expected) {
      String key = key(e, e.get("family"));
      CSVRecord row = byKey.get(key);
      boolean happening = text(e, "family").equals("happening");
      boolean skipped = e.get("skipped").asBoolean();
      assertThat(row.get("test")).as(key + " test").isEqualTo(text(e, "test"));
      assertCell(key + " statistic", row.get("statistic"), e.get("statistic"));
      assertThat(row.get("df"))
          .as(key + " df")
          .isEqualTo(e.get("df").isNull() ? "" : String.valueOf(e.get("df").asInt()));
      assertCell(key + " p_value", row.get("p_value"), e.get("p_value"));
      assertCell(
          key + " effect_size",
          row.get("effect_size"),
          e.get(happening && biasCorrected ? "cramers_v_bias_corrected" : "effect_size"));
      String measure =
          happening
              ? (biasCorrected
                  ? HappeningComparison.EFFECT_MEASURE_BIAS_CORRECTED
                  : HappeningComparison.EFFECT_MEASURE)
              : ImportanceComparison.EFFECT_MEASURE;
      if (skipped) {
        assertThat(row.get("effect_measure")).as(key + " effect_measure").isIn("", measure);
      } else {
        assertThat(row.get("effect_measure")).as(key + " effect_measure").isEqualTo(measure);
      }
      if (e.get("monte_carlo").asBoolean()) {
        double reference = e.get("p_reference").asDouble();
        assertThat(Double.parseDouble(row.get("p_monte_carlo")))
            .as(key + " p_monte_carlo against the " + text(e, "reference") + " p")
            .isCloseTo(
                reference,
                within(
                    ReferenceFixture.monteCarloTolerance(
                        reference, tables, e.get("reference_tables"))));
        assertThat(row.get("note")).as(key + " note").contains("p_adjusted from p_monte_carlo");
      } else {
        assertThat(row.get("p_monte_carlo")).as(key + " p_monte_carlo").isEmpty();
      }
      if (!e.has("p_adjusted_depends_on_monte_carlo")) {
        assertCell(key + " p_adjusted", row.get("p_adjusted"), e.get("p_adjusted"));
      }
      assertThat(row.get("groups"))
          .as(key + " groups")
          .isEqualTo(String.join(Cells.LIST_SEPARATOR, ReferenceFixture.strings(e.get("groups"))));
      String n = happening ? " (n " : " (importance n ";
      for (String excluded : ReferenceFixture.strings(e.get("excluded"))) {
        assertThat(row.get("note")).as(key + " note").contains("excluded").contains(excluded + n);
      }
      if (skipped) {
        assertThat(row.get("note")).as(key + " note").contains("skipped");
        assertThat(row.get("p_adjusted")).as(key + " p_adjusted").isEmpty();
      }
    }
    // Families with Monte Carlo p-values: adjusted, by the step-up definition, from the p each row
    // rests on (the reference cannot know the night's random tables).
    Map<String, List<CSVRecord>> families =
        rows.stream()
            .filter(r -> !r.get("p_value").isEmpty())
            .collect(Collectors.groupingBy(r -> r.get("grouping") + "/" + family(r.get("test"))));
    families.forEach((family, members) -> {
      double[] p =
          members.stream()
              .mapToDouble(r ->
                  Double.parseDouble(
                      r.get("p_monte_carlo").isEmpty() ? r.get("p_value") : r.get("p_monte_carlo")))
              .toArray();
      for (int i = 0; i < p.length; i++) {
        assertThat(Double.parseDouble(members.get(i).get("p_adjusted")))
            .as(family + " " + members.get(i).get("item_id") + " p_adjusted")
            .isCloseTo(benjaminiHochberg(p, i), within(1e-12));
      }
    });
  }

  /** min over j with p_j ≥ p_i of min(1, p_j · m / #{k : p_k ≤ p_j}): the step-up definition. */
  private static double benjaminiHochberg(double[] p, int i) {
    double adjusted = 1;
    for (double pj : p) {
      if (pj >= p[i]) {
        long rank = java.util.Arrays.stream(p).filter(pk -> pk <= pj).count();
        adjusted = Math.min(adjusted, pj * p.length / rank);
      }
    }
    return adjusted;
  }

  /** An empty cell where the reference has null, else a number within 1e-9 of it. */
  private static void assertCell(String what, String cell, JsonNode expected) {
    if (expected == null || expected.isNull()) {
      assertThat(cell).as(what).isEmpty();
    } else {
      assertThat(cell).as(what).isNotEmpty();
      ReferenceFixture.assertMatches(what, Double.parseDouble(cell), expected);
    }
  }

  private static String family(String test) {
    return test.equals("chi_square") ? "happening" : "importance";
  }

  private static String text(JsonNode node, String field) {
    return node.get(field).asString();
  }

  private static String key(JsonNode expected, JsonNode third) {
    return text(expected, "item_id") + "/" + text(expected, "grouping") + "/" + third.asString();
  }

  private static Map<String, CSVRecord> byKey(
      List<CSVRecord> rows, java.util.function.Function<CSVRecord, String> third) {
    Map<String, CSVRecord> byKey = new LinkedHashMap<>();
    for (CSVRecord row : rows) {
      byKey.put(row.get("item_id") + "/" + row.get("grouping") + "/" + third.apply(row), row);
    }
    return byKey;
  }

  private static List<CSVRecord> read(Path csv) throws IOException {
    assertThat(csv).as("written by the night").isRegularFile();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
