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
  void rejectsAPackPatternTypeThatIsNoPatternFamilyNamingThePackAndKey() throws IOException {
    // given
    copyDemo();
    edit(
        "study.yml",
        "VARIES_BY, IMPORTANCE_GAP]\n    per-case: true",
        "VARIES_BY, GAPS]\n    per-case: true");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: packs[1].pattern-types: 'GAPS'");
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
  void readsCodingRulesWithTheirDefaults() throws IOException {
    // given: rules added to training (the first category of the second theme)
    copyDemo();
    edit(
        "codebook.yml",
        "        items: [train_role_specific,",
        "        rules:\n"
            + "          - id: peer_supervision_lacking\n"
            + "            any-of: [no, never]\n"
            + "            all-of: [peer supervision]\n"
            + "            window: 5\n"
            + "            exclude: [problem]\n"
            + "          - id: supervision_asked\n"
            + "            any-of: [supervision]\n"
            + "            speaker: interviewer\n"
            + "        items: [train_role_specific,");

    // when
    Study study = loader.load(configDir, "demo");

    // then
    Codebook.Category training =
        study.codebook().categories().filter(c -> c.id().equals("training")).findFirst().get();
    assertThat(training.codingRules())
        .extracting(Codebook.Rule::id)
        .containsExactly("training", "peer_supervision_lacking", "supervision_asked");
    Codebook.Rule lacking = training.rules().getFirst();
    assertThat(lacking.allOf()).containsExactly("peer supervision");
    assertThat(lacking.window()).isEqualTo(5);
    assertThat(lacking.excludeWindow()).isNull();
    assertThat(lacking.speaker()).isEqualTo("participant");
    assertThat(training.rules().get(1).speaker()).isEqualTo("interviewer");
  }

  @Test
  void rejectsBadCodingRulesNamingEachKey() throws IOException {
    // given: one rule with every kind of mistake, and a rule reusing a category's id
    copyDemo();
    edit(
        "codebook.yml",
        "        items: [train_role_specific,",
        "        rules:\n"
            + "          - id: Bad Id\n"
            + "            all-of: [peer supervision, monthly]\n"
            + "            window: 2\n"
            + "            exclude-window: 3\n"
            + "            speaker: manager\n"
            + "          - id: training\n"
            + "            any-of: ['']\n"
            + "          - id: nothing_to_match\n"
            + "            exclude: [no]\n"
            + "        items: [train_role_specific,");

    // then
    String key = "codebook.yml: themes[1].categories[0].rules";
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining(key + "[0].id: missing or not an id")
        .hasMessageContaining(key + "[0].window: 2 tokens cannot hold the rule's terms (3 tokens")
        .hasMessageContaining(key + "[0].exclude-window: given without exclude")
        .hasMessageContaining(key + "[0].speaker: 'manager' is not one of")
        .hasMessageContaining(key + "[1].id: 'training' is already the id of another rule")
        .hasMessageContaining(key + "[1].any-of[0]: empty term")
        .hasMessageContaining(key + "[2]: needs any-of or all-of to match anything");
  }

  @Test
  void rejectsUnknownRuleKeyNamingItsPath() throws IOException {
    // given
    copyDemo();
    edit(
        "codebook.yml",
        "        items: [train_role_specific,",
        "        rules:\n"
            + "          - id: typo\n"
            + "            any-off: [supervision]\n"
            + "        items: [train_role_specific,");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("codebook.yml: themes[1].categories[0].rules[0].any-off");
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

  @Test
  void readsOptionalPatternKeysLeftOutAsTheirDefaults() throws IOException {
    // given: the demo without any of the optional pattern keys
    copyDemo();
    for (String key :
        new String[] {
          "importance-min-effect-size",
          "monte-carlo-tables",
          "monte-carlo-seed",
          "cramers-v-bias-corrected"
        }) {
      removePatternKey(key);
    }

    // when
    Study.PatternThresholds patterns = loader.load(configDir, "demo").patterns();

    // then
    assertThat(patterns.importanceMinEffectSize()).isEqualTo(0.06);
    assertThat(patterns.monteCarloTables()).isEqualTo(10_000);
    assertThat(patterns.monteCarloSeed()).isEqualTo(20_261_126L);
    assertThat(patterns.cramersVBiasCorrected()).isFalse();
  }

  @Test
  void readsOptionalPatternKeysThatAreGiven() throws IOException {
    // given
    copyDemo();
    setPatternKey("monte-carlo-tables", "20000");
    setPatternKey("monte-carlo-seed", "42");
    setPatternKey("cramers-v-bias-corrected", "true");
    setPatternKey("importance-min-effect-size", "0.1");

    // when
    Study.PatternThresholds patterns = loader.load(configDir, "demo").patterns();

    // then
    assertThat(patterns.monteCarloTables()).isEqualTo(20_000);
    assertThat(patterns.monteCarloSeed()).isEqualTo(42L);
    assertThat(patterns.cramersVBiasCorrected()).isTrue();
    assertThat(patterns.importanceMinEffectSize()).isEqualTo(0.1);
  }

  @Test
  void rejectsAMissingRequiredPatternKeyNamingIt() throws IOException {
    // given
    copyDemo();
    removePatternKey("alpha");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: patterns.alpha");
  }

  @Test
  void rejectsAnAlphaOfZeroAndAMinimumGroupNOfZeroNamingTheKeys() throws IOException {
    // given
    copyDemo();
    setPatternKey("alpha", "0");
    setPatternKey("min-group-n", "0");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: patterns.alpha: must be above 0 and below 1 (was 0.0)")
        .hasMessageContaining("study.yml: patterns.min-group-n: must be a whole number >= 1");
  }

  @Test
  void rejectsFewerThanTenThousandMonteCarloTablesNamingTheKey() throws IOException {
    // given
    copyDemo();
    setPatternKey("monte-carlo-tables", "999");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: patterns.monte-carlo-tables")
        .hasMessageContaining("999");
  }

  @Test
  void rejectsAShareAboveOneNamingTheKey() throws IOException {
    // given
    copyDemo();
    setPatternKey("importance-min-effect-size", "1.5");
    setPatternKey("replicated-in-place-min-share", "70");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: patterns.importance-min-effect-size: must be from 0 to 1")
        .hasMessageContaining(
            "study.yml: patterns.replicated-in-place-min-share: must be from 0 to 1");
  }

  @Test
  void readsTheDemosDeidentificationLists() {
    // when
    Study.Deidentification deidentify = loader.load(CONFIG, "demo").deidentify();

    // then
    assertThat(deidentify.cases()).containsKey("C03");
    assertThat(deidentify.cases().get("C03").names()).contains("Eastbrook NHS Trust");
    assertThat(deidentify.cases().get("C03").places()).isNotEmpty();
    assertThat(deidentify.keep()).contains("NHS");
  }

  @Test
  void rejectsACaseWithoutNamesAndABadPseudonymNamingTheKeys() throws IOException {
    // given
    copyDemo();
    edit(
        "study.yml",
        "    C03:\n      names: [Eastbrook NHS Trust, Eastbrook]\n",
        "    C03:\n      names: []\n      pseudonym: Trust C\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: deidentify.cases.C03.names: list at least one name")
        .hasMessageContaining(
            "study.yml: deidentify.cases.C03.pseudonym: write it in square brackets");
  }

  @Test
  void rejectsAKeepWordThatIsAlsoListedToBeReplacedNamingTheKey() throws IOException {
    // given
    copyDemo();
    edit("study.yml", "  keep: [NHS, DBS]\n", "  keep: [NHS, DBS, eastbrook]\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("study.yml: deidentify.keep: 'Eastbrook' is also listed");
  }

  @Test
  void rejectsAnUnknownDeidentifyKeyNamingItsPath() throws IOException {
    // given: the old single list
    copyDemo();
    edit("study.yml", "  keep: [NHS, DBS]\n", "  keep: [NHS, DBS]\n  terms: [Leeds]\n");

    // then
    assertThatThrownBy(() -> loader.load(configDir, "demo"))
        .isInstanceOf(StudyConfigException.class)
        .hasMessageContaining("deidentify.terms");
  }

  /** Removes a key's line from the {@code patterns:} section, wherever it is. */
  private void removePatternKey(String key) throws IOException {
    Path file = configDir.resolve("demo/study.yml");
    Files.writeString(
        file,
        Files.readString(file)
            .replaceAll("(?m)^  " + java.util.regex.Pattern.quote(key) + ":.*\\n", ""));
  }

  /** Sets a key of the {@code patterns:} section, replacing any value it had. */
  private void setPatternKey(String key, String value) throws IOException {
    removePatternKey(key);
    Path file = configDir.resolve("demo/study.yml");
    String yaml = Files.readString(file);
    assertThat(yaml).containsOnlyOnce("\npatterns:\n");
    Files.writeString(
        file, yaml.replace("\npatterns:\n", "\npatterns:\n  " + key + ": " + value + "\n"));
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
