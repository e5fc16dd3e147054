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

class StatsCsvWriterTest {

  @TempDir Path directory;

  private final StatsCsvWriter writer = new StatsCsvWriter(3);

  @Test
  void writesTheItemsHeaderExactly() throws IOException {
    // when
    writer.writeItems(directory, List.of());

    // then
    assertThat(Files.readAllLines(directory.resolve("items.csv")).get(0))
        .isEqualTo(
            "item_id,domain,grouping,group,n,n_yes,n_partly,n_no,n_dont_know,n_not_relevant,pct_yes,pct_partly,pct_no,"
                + "pct_dont_know,pct_not_relevant,pct_yes_ci_low,pct_yes_ci_high,in_place_share,importance_n,"
                + "importance_mean,importance_sd,importance_ci_low,importance_ci_high,note");
  }

  @Test
  void writesTheComparisonsHeaderExactly() throws IOException {
    // when
    writer.writeComparisons(directory, List.of());

    // then
    assertThat(Files.readAllLines(directory.resolve("comparisons.csv")).get(0))
        .isEqualTo(
            "item_id,grouping,test,statistic,df,p_value,p_monte_carlo,p_adjusted,effect_size,effect_measure,note");
  }

  @Test
  void writesNumbersThatReadBackExactlyAndUndefinedOnesAsEmptyCells() throws IOException {
    // given: 1 yes of 3 (33.33…%), one importance rating (no SD, no interval), below min n 3? no: n
    // = 3
    HappeningCounts counts = new HappeningCounts(1, 1, 0, 1, 0);
    ItemGroupStats row =
        new ItemGroupStats(
            "item_a",
            "d",
            "case",
            "c1",
            counts,
            new Interval(1.0 / 7, 2.0 / 3),
            new ImportanceSummary(1, 4.0, Double.NaN, Interval.UNDEFINED),
            false);

    // when
    writer.writeItems(directory, List.of(row));

    // then
    CSVRecord record = records(directory.resolve("items.csv")).get(0);
    assertThat(Double.parseDouble(record.get("pct_yes"))).isEqualTo(100.0 / 3);
    assertThat(Double.parseDouble(record.get("pct_yes_ci_low"))).isEqualTo(1.0 / 7);
    assertThat(Double.parseDouble(record.get("in_place_share"))).isEqualTo(0.5);
    assertThat(record.get("n_dont_know")).isEqualTo("1");
    assertThat(record.get("importance_mean")).isEqualTo("4.0");
    assertThat(record.get("importance_sd")).isEmpty();
    assertThat(record.get("importance_ci_low")).isEmpty();
    assertThat(record.get("note")).isEmpty();
  }

  @Test
  void notesRowsBelowTheMinimumGroupN() throws IOException {
    // given
    ItemGroupStats row =
        new ItemGroupStats(
            "item_a",
            "d",
            "case",
            "c1",
            new HappeningCounts(0, 0, 0, 0, 2),
            new Interval(0, 0.6),
            new ImportanceSummary(0, Double.NaN, Double.NaN, Interval.UNDEFINED),
            true);

    // when
    writer.writeItems(directory, List.of(row));

    // then
    CSVRecord record = records(directory.resolve("items.csv")).get(0);
    assertThat(record.get("in_place_share")).isEmpty();
    assertThat(record.get("note")).isEqualTo("n below minimum group n 3");
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
