package org.triangulate.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.triangulate.StoreFixture;

/**
 * Nights kept in a real store (H2 and PostgreSQL) and read back exactly, the night before found by
 * run id, and what changed written as JSON (null for a value a night did not have) and escaped
 * HTML.
 */
class NightHistoryStoreIT {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void keepsEachNightAndComparesWithTheOneBefore(String database) throws Exception {
    try (StoreFixture store = new StoreFixture(database)) {
      NightHistoryStore history = new NightHistoryStore(store.jdbc);
      NightSnapshot first =
          new NightSnapshot(
              3,
              Map.of("A:x", new NightSnapshot.PatternEntry("A:x", 0.4)),
              Map.of(
                  "x", new NightSnapshot.ItemEntry("x", 0.25, 40),
                  "y", new NightSnapshot.ItemEntry("y", Double.NaN, 0)),
              Map.of("s1", new NightSnapshot.TranscriptEntry("P1", "case C1, group <a>")));
      NightSnapshot second =
          new NightSnapshot(
              5,
              Map.of("A:x", new NightSnapshot.PatternEntry("A:x", 0.6)),
              Map.of("x", new NightSnapshot.ItemEntry("x", 0.5, 44)),
              Map.of(
                  "s1", new NightSnapshot.TranscriptEntry("P1", "case C1, group <a>"),
                  "s2", new NightSnapshot.TranscriptEntry("P2", "case C2, group <b>")));

      // when: kept (the first twice, as a restarted step would), then read back
      history.save("s", first);
      history.save("s", first);
      history.save("s", second);

      // then
      assertThat(history.load("s", 3)).isEqualTo(first);
      assertThat(history.load("s", 5)).isEqualTo(second);
      assertThat(history.latestRun("s")).contains(5L);
      assertThat(history.runBefore("s", 5)).contains(3L);
      assertThat(history.runBefore("s", 3)).isEmpty();

      NightChanges changes = NightChanges.between(history.load("s", 3), second, 0.5, 0.1);
      new ChangesWriter(templates()).write("Study <S>", changes, out, out);
      String json = Files.readString(out.resolve("changes.json"));
      assertThat(json)
          .contains("\"previous_run\" : 3")
          .contains("\"pattern\" : \"A:x\"")
          .contains("\"in_place_before\" : 0.25")
          .contains("\"participant\" : \"P2\"");
      String html = Files.readString(out.resolve("changes.html"));
      assertThat(html)
          .contains("Study &lt;S&gt;")
          .contains("case C2, group &lt;b&gt;")
          .doesNotContain("<b>");
      assertThat(Files.readString(out.resolve("changes.txt")))
          .startsWith("Changes since run 3: 0 patterns appeared, 0 disappeared, 1 crossed");
    }
  }

  private static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
