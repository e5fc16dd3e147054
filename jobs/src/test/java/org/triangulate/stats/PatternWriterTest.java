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

class PatternWriterTest {

  @TempDir Path directory;

  private final Pattern varies =
      new Pattern(
          "VARIES_BY_EMPLOYER:item_a",
          "VARIES_BY_EMPLOYER",
          PatternFamily.VARIES_BY,
          "item_a",
          "employer",
          List.of("nhs", "voluntary"),
          "nhs",
          "voluntary",
          "by Employer: in place 90%, \"quoted\"",
          0.4285714285714286,
          List.of("cat_a", "cat_b"),
          List.of("happening", "importance"));
  private final Pattern gap =
      new Pattern(
          "IMPORTANCE_GAP:item_b",
          "IMPORTANCE_GAP",
          PatternFamily.IMPORTANCE_GAP,
          "item_b",
          "case",
          List.of("c1", "c2"),
          null,
          null,
          "mean importance 3.6 (n 12) but in place only 9% overall",
          0.25,
          List.of(),
          List.of());

  @Test
  void writesPatternsCsvInTheGivenOrderWithListsSemicolonSeparated() throws IOException {
    // when
    new PatternWriter().write(directory, List.of(varies, gap));

    // then
    List<CSVRecord> records;
    try (Reader reader = Files.newBufferedReader(directory.resolve("patterns.csv"))) {
      records =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
    }
    assertThat(records.get(0).getParser().getHeaderNames())
        .startsWith(
            "pattern_id",
            "type",
            "item_id",
            "grouping",
            "groups",
            "evidence",
            "categories",
            "strength");
    assertThat(records)
        .extracting(r -> r.get("pattern_id"))
        .containsExactly("VARIES_BY_EMPLOYER:item_a", "IMPORTANCE_GAP:item_b");
    assertThat(records.get(0).get("groups")).isEqualTo("nhs;voluntary");
    assertThat(records.get(0).get("categories")).isEqualTo("cat_a;cat_b");
    assertThat(records.get(0).get("evidence")).isEqualTo("by Employer: in place 90%, \"quoted\"");
    assertThat(Double.parseDouble(records.get(0).get("strength"))).isEqualTo(0.4285714285714286);
    assertThat(records.get(1).get("highest_group")).isEmpty();
    assertThat(records.get(0).get("differs_in")).isEqualTo("happening;importance");
    assertThat(records.get(1).get("differs_in")).isEmpty();
    assertThat(records.get(1).get("categories")).isEmpty();
  }

  @Test
  void writesTheSamePatternsAsJsonWithArrays() throws IOException {
    // when
    new PatternWriter().write(directory, List.of(varies, gap));

    // then
    JsonNode json =
        JsonMapper.builder().build().readTree(directory.resolve("patterns.json").toFile());
    assertThat(json.size()).isEqualTo(2);
    JsonNode first = json.get(0);
    assertThat(first.get("pattern_id").asString()).isEqualTo("VARIES_BY_EMPLOYER:item_a");
    assertThat(first.get("family").asString()).isEqualTo("VARIES_BY");
    assertThat(ReferenceFixture.strings(first.get("groups"))).containsExactly("nhs", "voluntary");
    assertThat(ReferenceFixture.strings(first.get("categories"))).containsExactly("cat_a", "cat_b");
    assertThat(first.get("strength").asDouble()).isEqualTo(0.4285714285714286);
    assertThat(json.get(1).get("highest_group").isNull()).isTrue();
    assertThat(ReferenceFixture.strings(first.get("differs_in")))
        .containsExactly("happening", "importance");
  }

  @Test
  void replacesTheFilesOfAPreviousRun() throws IOException {
    // given
    new PatternWriter().write(directory, List.of(varies, gap));

    // when
    new PatternWriter().write(directory, List.of(gap));

    // then
    assertThat(Files.readAllLines(directory.resolve("patterns.csv"))).hasSize(2);
    try (var files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("patterns.csv", "patterns.json");
    }
  }
}
