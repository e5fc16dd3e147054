package org.triangulate.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLoaderTest {

  private static final Path CONFIG = home().resolve("config");

  @TempDir Path configDir;

  private final StudyLoader loader = new StudyLoader();

  @Test
  void loadsTheDemoStudy() throws IOException {
    // given: what config/demo/study.yml and codebook.yml declare, counted in their text
    String studyYml = Files.readString(CONFIG.resolve("demo/study.yml"));
    String codebookYml = Files.readString(CONFIG.resolve("demo/codebook.yml"));
    long items = lines(studyYml, "^    domain: ");
    long categories = lines(codebookYml, "^        items: ");
    long themes = lines(codebookYml, "^  - id: ");
    long domains =
        lines(
            studyYml.substring(studyYml.indexOf("\ndomains:"), studyYml.indexOf("\nitems:")),
            "^  - id: ");

    // when
    Study study = loader.load(CONFIG, "demo");

    // then
    assertThat(study.name()).isEqualTo("demo");
    assertThat(study.items()).hasSize((int) items).hasSizeGreaterThan(30);
    assertThat(study.groupings())
        .containsExactly("employer", "org_context", "setting", "stakeholder_group");
    assertThat(study.codebook().categories()).hasSize((int) categories);
    assertThat(study.codebook().themes()).hasSize((int) themes);
    assertThat(study.domains()).hasSize((int) domains).hasSize(6);
    assertThat(study.happening())
        .containsOnlyKeys("yes", "partly", "no", "dont_know", "not_relevant");
    assertThat(study.importance()).isEqualTo(new Study.ImportanceScale(1, 4));
    assertThat(study.item("sup_access")).get().extracting(Study.Item::domain).isEqualTo("support");
    assertThat(study.codebook().categoriesForItem("sup_access"))
        .extracting(Codebook.Category::id)
        .containsExactly("supervision");
  }

  @Test
  void rejectsUnknownKeyNamingFileAndKeyPath() throws IOException {
    // given: a key that no record has, in the eighth item
    copyDemo();
    edit("study.yml", "  - id: role_boundaries\n", "  - id: role_boundaries\n    colour: red\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml")
        .hasMessageContaining("items[7].colour");
  }

  @Test
  void rejectsItemOfUnknownDomainNamingFileAndKeyPath() throws IOException {
    // given: the eighth item's domain is misspelt
    copyDemo();
    edit(
        "study.yml",
        "    domain: role_definition\n    text: Peer workers' practice boundaries",
        "    domain: roles\n    text: Peer workers' practice boundaries");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: items[7].domain")
        .hasMessageContaining("'roles'");
  }

  @Test
  void rejectsGroupingThatIsNotAnAttributeNamingFileAndKeyPath() throws IOException {
    // given
    copyDemo();
    edit(
        "study.yml",
        "\ngroupings: [employer, org_context, setting, stakeholder_group]",
        "\ngroupings: [employer, region, setting, stakeholder_group]");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: groupings[1]")
        .hasMessageContaining("'region'");
  }

  @Test
  void rejectsCodebookCategoryNamingUnknownItemNamingFileAndKeyPath() throws IOException {
    // given: supervision is the second category of the second theme
    copyDemo();
    edit("codebook.yml", "items: [sup_access,", "items: [sup_acess,");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("codebook.yml: themes[1].categories[1].items")
        .hasMessageContaining("'sup_acess'");
  }

  @Test
  void rejectsMissingCodebookNamingTheFile() throws IOException {
    // given
    copyDemo();
    Files.delete(configDir.resolve("demo/codebook.yml"));

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(configDir.resolve("demo/codebook.yml").toString());
  }

  @Test
  void rejectsValueOfWrongTypeNamingFileAndKeyPath() throws IOException {
    // given
    copyDemo();
    edit("study.yml", "  max: 4\n", "  max: four\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: importance.max")
        .hasMessageContaining("four");
  }

  @Test
  void rejectsStudyWhoseNameIsNotItsFolder() throws IOException {
    // given
    copyDemo();
    edit("study.yml", "name: demo\n", "name: pilot\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: name")
        .hasMessageContaining("'pilot'");
  }

  private void copyDemo() throws IOException {
    Path demo = Files.createDirectories(configDir.resolve("demo"));
    Files.copy(CONFIG.resolve("demo/study.yml"), demo.resolve("study.yml"));
    Files.copy(CONFIG.resolve("demo/codebook.yml"), demo.resolve("codebook.yml"));
  }

  /** Replaces the one occurrence of {@code from}; fails if the demo no longer has it. */
  private void edit(String fileName, String from, String to) throws IOException {
    Path file = configDir.resolve("demo").resolve(fileName);
    String yaml = Files.readString(file);
    assertThat(yaml).containsOnlyOnce(from);
    Files.writeString(file, yaml.replace(from, to));
  }

  private static long lines(String yaml, String regex) {
    return yaml.lines().filter(l -> l.matches(regex + ".*")).count();
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
