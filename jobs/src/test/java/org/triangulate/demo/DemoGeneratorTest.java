package org.triangulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo is the generator's output: regenerating it gives the same bytes, and a larger
 * scale gives more participants in the same design. Expected numbers are counted in the files.
 */
class DemoGeneratorTest {

  private static final Path HOME = home();
  private static final Path DEMO = HOME.resolve("data-in/demo");
  private static final Path CONFIG = HOME.resolve("config/demo");

  @TempDir Path temp;

  @Test
  void seedSevenScaleOneRegeneratesTheCommittedDemoByteForByte() throws IOException {
    // given the committed inputs and configuration
    Map<String, byte[]> committed = files(DEMO);

    // when the demo is generated again into an empty folder
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(7, 1, temp.resolve("data-in/demo"), temp.resolve("config")));

    // then every file, and no other, has the same bytes
    Map<String, byte[]> generated = files(temp.resolve("data-in/demo"));
    assertThat(generated.keySet()).containsExactlyElementsOf(committed.keySet());
    for (String name : committed.keySet()) {
      assertThat(generated.get(name)).as(name).isEqualTo(committed.get(name));
    }
    for (String config : List.of("study.yml", "codebook.yml")) {
      assertThat(temp.resolve("config/demo").resolve(config))
          .as(config)
          .hasSameBinaryContentAs(CONFIG.resolve(config));
    }
  }

  @Test
  void aTopicGuideListsOneOfTheQuestionsInterviewersAskAboutEachItem() throws IOException {
    // when a study is generated with its topic guide
    Path out = temp.resolve("data-in/guided");
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(
                7,
                1,
                out,
                temp.resolve("config"),
                DemoGenerator.PARAPHRASED_WORDING,
                false,
                null,
                0,
                true));

    // then every item has one prompt, in the words of a question some transcript asks
    org.triangulate.study.Study study =
        new org.triangulate.study.StudyLoader().load(temp.resolve("config"), "guided");
    String transcripts;
    try (Stream<Path> files = Files.list(out.resolve("transcripts"))) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
      transcripts = all.toString();
    }
    for (org.triangulate.study.Study.Item item : study.items()) {
      assertThat(item.prompts()).as(item.id()).hasSize(1);
      String prompt = item.prompts().getFirst();
      assertThat(transcripts).as(item.id()).contains(prompt);
      assertThat(prompt.toLowerCase()).isNotEqualTo(item.text().toLowerCase());
    }
  }

  @Test
  void scaleTwoDoublesEveryCaseAndGroupInTheSameDesign() throws IOException {
    // given the committed scale-1 participants, counted per case and per stakeholder group
    List<String[]> one = rows(DEMO.resolve("participants.csv"));

    // when scale 2 is generated
    Path out = temp.resolve("data-in/demo");
    new DemoGenerator().generate(new DemoGenerator.Options(7, 2, out, temp.resolve("config")));

    // then twice the participants, in every case and every group, and twice the transcripts
    List<String[]> two = rows(out.resolve("participants.csv"));
    assertThat(two).hasSize(2 * one.size());
    assertThat(counts(two, r -> r[1])).isEqualTo(doubled(counts(one, r -> r[1])));
    assertThat(counts(two, r -> r[2])).isEqualTo(doubled(counts(one, r -> r[2])));
    try (Stream<Path> transcripts = Files.list(out.resolve("transcripts"))) {
      assertThat(transcripts.count()).isEqualTo(2L * one.size());
    }
    // and the same cases, items and configuration
    assertThat(out.resolve("cases.csv")).hasSameTextualContentAs(DEMO.resolve("cases.csv"));
    assertThat(column(out.resolve("responses.csv"), 1))
        .isEqualTo(column(DEMO.resolve("responses.csv"), 1));
    assertThat(temp.resolve("config/demo/study.yml"))
        .hasSameBinaryContentAs(CONFIG.resolve("study.yml"));
    assertThat(temp.resolve("config/demo/codebook.yml"))
        .hasSameBinaryContentAs(CONFIG.resolve("codebook.yml"));
  }

  @Test
  void aDecimalScaleAddsThatShareOfEveryCase() throws IOException {
    // given the committed scale-1 participants per case
    Map<String, Long> one = counts(rows(DEMO.resolve("participants.csv")), r -> r[1]);

    // when scale 1.5 is generated
    Path out = temp.resolve("data-in/demo");
    new DemoGenerator().generate(new DemoGenerator.Options(7, 1.5, out, temp.resolve("config")));

    // then every case has its participants times 1.5, rounded half up, each with a transcript
    List<String[]> scaled = rows(out.resolve("participants.csv"));
    Map<String, Long> expected = new java.util.TreeMap<>();
    one.forEach((c, n) -> expected.put(c, Math.round(n * 1.5)));
    assertThat(new java.util.TreeMap<>(counts(scaled, r -> r[1]))).isEqualTo(expected);
    try (Stream<Path> transcripts = Files.list(out.resolve("transcripts"))) {
      assertThat(transcripts.count()).isEqualTo((long) scaled.size());
    }
    assertThat(out.resolve("planted.yml")).content().contains("scale: 1.5");
  }

  @Test
  void refusesToWriteIntoAFolderThatIsNotAnEarlierGeneration() throws IOException {
    // given a folder with someone's data in it
    Path out = Files.createDirectories(temp.resolve("data-in/study"));
    Files.writeString(out.resolve("cases.csv"), "case_id,name\n");

    // when / then
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new DemoGenerator()
                .generate(new DemoGenerator.Options(7, 1, out, temp.resolve("config"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planted.yml");
    assertThat(out.resolve("cases.csv")).hasContent("case_id,name");
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      Map<String, byte[]> files = new TreeMap<>();
      for (Path file : tree.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
      return files;
    }
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  private static java.util.Set<String> column(Path csv, int index) throws IOException {
    return rows(csv).stream()
        .map(r -> r[index])
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static Map<String, Long> counts(List<String[]> rows, Function<String[], String> key) {
    return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> doubled(Map<String, Long> counts) {
    Map<String, Long> doubled = new TreeMap<>();
    counts.forEach((k, v) -> doubled.put(k, 2 * v));
    return doubled;
  }

  static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
