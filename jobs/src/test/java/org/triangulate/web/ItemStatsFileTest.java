package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.triangulate.TriangulateProperties;

class ItemStatsFileTest {

  @TempDir Path out;

  private ItemStatsFile file() {
    TriangulateProperties properties =
        new Binder(
                new MapConfigurationPropertySource(Map.of("triangulate.data-out", out.toString())))
            .bindOrCreate("triangulate", TriangulateProperties.class);
    return new ItemStatsFile(properties, WebTestStudy.demo());
  }

  @Test
  void givenNoNightYet_whenReading_thenSaysThereIsNoFile() {
    assertThat(file().read(Map.of()).exists()).isFalse();
  }

  @Test
  void givenItemsCsv_whenFilteringByColumns_thenAnswersMatchingRowsWithNumbersAsNumbers()
      throws Exception {
    // given
    Path stats = Files.createDirectories(out.resolve("demo/stats"));
    Files.writeString(
        stats.resolve("items.csv"),
        "item_id,grouping,group,n,pct_yes,note\n"
            + "pay_parity,employer,nhs,9,0.0,\n"
            + "pay_parity,employer,voluntary,7,14.3,few answers\n"
            + "sup_access,employer,nhs,9,11.1,\n");

    // when
    ItemStatsFile.Result result =
        file().read(Map.of("item_id", "pay_parity", "group", "voluntary"));

    // then
    assertThat(result.columns())
        .containsExactly("item_id", "grouping", "group", "n", "pct_yes", "note");
    assertThat(result.rows())
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("n")).isEqualTo(7L);
          assertThat(row.get("pct_yes")).isEqualTo(14.3);
          assertThat(row.get("note")).isEqualTo("few answers");
        });
    assertThat(file().read(Map.of()).rows()).hasSize(3);
    assertThat(file().read(Map.of("item_id", "sup_access")).rows().getFirst().get("note")).isNull();
  }

  @Test
  void givenAFilterOnAColumnTheFileLacks_whenReading_thenNamesIt() throws Exception {
    Path stats = Files.createDirectories(out.resolve("demo/stats"));
    Files.writeString(stats.resolve("items.csv"), "item_id,n\npay_parity,9\n");

    assertThatThrownBy(() -> file().read(Map.of("colour", "red")))
        .isInstanceOf(BadSearchRequestException.class)
        .hasMessageContaining("unknown parameter 'colour'");
  }
}
