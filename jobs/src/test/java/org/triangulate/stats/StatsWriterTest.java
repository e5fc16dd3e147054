package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatsWriterTest {

  @TempDir Path directory;

  private final StatsWriter writer = new StatsWriter(3);

  /** 1 yes, 1 partly, 1 don't know of 3; one importance rating (no SD, no interval). */
  private final ItemGroupStats sparseRow =
      new ItemGroupStats(
          "item_a",
          "d",
          "case",
          "c1",
          new HappeningCounts(1, 1, 0, 1, 0),
          new Interval(1.0 / 7, 2.0 / 3),
          new ImportanceSummary(1, 4.0, Double.NaN, 4.0, Interval.UNDEFINED),
          false);

  @Test
  void writesTheItemsColumnsOfTheBriefInItsOrderThenTheExtraOnes() throws IOException {
    // when
    writer.writeItems(directory, List.of());

    // then
    assertThat(Files.readAllLines(directory.resolve("items.csv")).get(0))
        .isEqualTo(
            "item_id,domain,grouping,group,n,n_yes,n_partly,n_no,n_dont_know,n_not_relevant,pct_yes,pct_partly,pct_no,"
                + "pct_dont_know,pct_not_relevant,pct_yes_ci_low,pct_yes_ci_high,in_place_share,importance_n,"
                + "importance_mean,importance_sd,importance_ci_low,importance_ci_high,"
                + "in_place_or_partly_share,importance_median,note");
  }

  @Test
  void writesTheComparisonsColumnsOfTheBriefInItsOrderThenTheGroups() throws IOException {
    // when
    writer.writeComparisons(directory, List.of());

    // then
    assertThat(Files.readAllLines(directory.resolve("comparisons.csv")).get(0))
        .isEqualTo(
            "item_id,grouping,test,statistic,df,p_value,p_monte_carlo,p_adjusted,effect_size,effect_measure,note,groups");
  }

  @Test
  void writesNumbersThatReadBackExactlyAndUndefinedOnesAsEmptyCells() throws IOException {
    // when
    writer.writeItems(directory, List.of(sparseRow));

    // then
    CSVRecord record = records(directory.resolve("items.csv")).get(0);
    assertThat(Double.parseDouble(record.get("pct_yes"))).isEqualTo(100.0 / 3);
    assertThat(Double.parseDouble(record.get("pct_yes_ci_low"))).isEqualTo(1.0 / 7);
    assertThat(Double.parseDouble(record.get("in_place_share"))).isEqualTo(0.5);
    assertThat(Double.parseDouble(record.get("in_place_or_partly_share"))).isEqualTo(1.0);
    assertThat(record.get("n_dont_know")).isEqualTo("1");
    assertThat(record.get("importance_mean")).isEqualTo("4.0");
    assertThat(record.get("importance_median")).isEqualTo("4.0");
    assertThat(record.get("importance_sd")).isEmpty();
    assertThat(record.get("importance_ci_low")).isEmpty();
  }

  @Test
  void writesTheSameItemsAsJsonWithNumbersAndNulls() throws IOException {
    // when
    writer.writeItems(directory, List.of(sparseRow));

    // then
    JsonNode json = JsonMapper.builder().build().readTree(directory.resolve("items.json").toFile());
    assertThat(json.size()).isEqualTo(1);
    JsonNode row = json.get(0);
    assertThat(row.propertyNames()).containsExactlyElementsOf(StatsWriter.ITEMS_HEADER);
    assertThat(row.get("n").isInt()).isTrue();
    assertThat(row.get("n").asInt()).isEqualTo(3);
    assertThat(row.get("pct_yes").asDouble()).isEqualTo(100.0 / 3);
    assertThat(row.get("importance_sd").isNull()).isTrue();
    assertThat(row.get("group").asString()).isEqualTo("c1");
  }

  @Test
  void notesWhyARowBelowTheMinimumGroupNIsLeftOut() throws IOException {
    // given: 2 answers (min group n 3), none rating importance
    ItemGroupStats row =
        new ItemGroupStats(
            "item_a",
            "d",
            "case",
            "c1",
            new HappeningCounts(0, 0, 0, 0, 2),
            new Interval(0, 0.6),
            new ImportanceSummary(0, Double.NaN, Double.NaN, Double.NaN, Interval.UNDEFINED),
            true);

    // when
    writer.writeItems(directory, List.of(row, sparseRow));

    // then
    List<CSVRecord> records = records(directory.resolve("items.csv"));
    assertThat(records.get(0).get("in_place_share")).isEmpty();
    assertThat(records.get(0).get("note"))
        .isEqualTo(
            "n 2 < min-group-n 3: excluded from the answer-A test and pattern calls; "
                + "importance n 0 < min-group-n 3: excluded from the importance test and pattern calls");
    assertThat(records.get(1).get("note"))
        .isEqualTo(
            "importance n 1 < min-group-n 3: excluded from the importance test and pattern calls");
  }

  @Test
  void writesSkippedComparisonsWithEmptyNumbersAndTheirNote() throws IOException {
    // given
    GroupComparison skipped =
        GroupComparison.skipped(
            "item_a",
            "employer",
            "chi_square",
            List.of("nhs"),
            "cramers_v",
            "skipped: fewer than 2 groups with n >= 3");
    GroupComparison tested =
        new GroupComparison(
            "item_b",
            "employer",
            "chi_square",
            List.of("nhs", "voluntary"),
            12.5,
            4,
            1.0e-12,
            Double.NaN,
            3.0e-12,
            0.55,
            "cramers_v",
            "");

    // when
    writer.writeComparisons(directory, List.of(skipped, tested));

    // then
    List<CSVRecord> records = records(directory.resolve("comparisons.csv"));
    assertThat(records.get(0).get("statistic")).isEmpty();
    assertThat(records.get(0).get("df")).isEmpty();
    assertThat(records.get(0).get("note")).isEqualTo("skipped: fewer than 2 groups with n >= 3");
    assertThat(records.get(1).get("df")).isEqualTo("4");
    assertThat(Double.parseDouble(records.get(1).get("p_value"))).isEqualTo(1.0e-12);
    assertThat(records.get(1).get("p_monte_carlo")).isEmpty();
    assertThat(Double.parseDouble(records.get(1).get("p_adjusted"))).isEqualTo(3.0e-12);
    assertThat(records.get(1).get("groups")).isEqualTo("nhs;voluntary");
    JsonNode json =
        JsonMapper.builder().build().readTree(directory.resolve("comparisons.json").toFile());
    assertThat(json.get(0).get("df").isNull()).isTrue();
    assertThat(json.get(1).get("df").asInt()).isEqualTo(4);
    assertThat(json.get(1).get("p_monte_carlo").isNull()).isTrue();
    assertThat(ReferenceFixture.strings(json.get(1).get("groups")))
        .containsExactly("nhs", "voluntary");
  }

  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
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
