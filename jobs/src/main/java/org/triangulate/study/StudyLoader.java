package org.triangulate.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code <configDir>/<study>/study.yml} and {@code codebook.yml} into a {@link Study} and
 * validates it; every problem is reported with the file and the key path (e.g. {@code study.yml:
 * items[3].domain}). Stateless and thread-safe.
 */
public final class StudyLoader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public Study load(Path configDir, String studyName) {
    Path studyDir = configDir.resolve(studyName);
    Path studyFile = studyDir.resolve("study.yml");
    Path codebookFile = studyDir.resolve("codebook.yml");
    Codebook codebook = read(codebookFile, Codebook.class, new InjectableValues.Std());
    Study study =
        read(studyFile, Study.class, new InjectableValues.Std().addValue(Study.CODEBOOK, codebook));
    List<String> problems = new ArrayList<>();
    validateStudy(study, studyName, problems);
    validateCodebook(study, problems);
    if (!problems.isEmpty()) {
      throw new StudyConfigException(
          "Invalid study configuration in "
              + studyDir
              + ":\n  - "
              + String.join("\n  - ", problems));
    }
    return study;
  }

  private static <T> T read(Path file, Class<T> type, InjectableValues injected) {
    if (!Files.isRegularFile(file)) {
      throw new StudyConfigException("Study configuration file not found: " + file);
    }
    try {
      T value = YAML.readerFor(type).with(injected).readValue(file.toFile());
      if (value == null) {
        throw new StudyConfigException(file + " is empty");
      }
      return value;
    } catch (JacksonException e) {
      throw new StudyConfigException(
          file.getFileName() + ": " + keyPath(e) + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String keyPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(top level)" : path.toString();
  }

  private static void validateStudy(Study s, String studyName, List<String> problems) {
    require(s.title() != null, problems, "study.yml: title: missing");
    require(!s.items().isEmpty(), problems, "study.yml: items: declare at least one item");
    require(!s.domains().isEmpty(), problems, "study.yml: domains: declare at least one domain");
    require(
        s.name() != null && s.name().equals(studyName),
        problems,
        "study.yml: name: must equal the study folder name '"
            + studyName
            + "' (was '"
            + s.name()
            + "')");
    require(
        s.name() == null || s.name().matches("[a-z0-9][a-z0-9_-]*"),
        problems,
        "study.yml: name: use lower-case letters, digits, '-' or '_' (it names the index)");
    Set<String> attributeIds = new HashSet<>();
    checkAttributes("case-attributes", s.caseAttributes(), attributeIds, problems);
    checkAttributes("participant-attributes", s.participantAttributes(), attributeIds, problems);
    for (int i = 0; i < s.groupings().size(); i++) {
      String g = s.groupings().get(i);
      require(
          attributeIds.contains(g),
          problems,
          "study.yml: groupings["
              + i
              + "]: '"
              + g
              + "' is not a declared case or participant attribute");
    }
    Set<String> domainIds = s.domains().stream().map(Study.Domain::id).collect(Collectors.toSet());
    Set<String> itemIds = new HashSet<>();
    for (int i = 0; i < s.items().size(); i++) {
      Study.Item item = s.items().get(i);
      require(
          item.id() != null && itemIds.add(item.id()),
          problems,
          "study.yml: items[" + i + "].id: missing or duplicate '" + item.id() + "'");
      require(
          domainIds.contains(item.domain()),
          problems,
          "study.yml: items["
              + i
              + "].domain: unknown domain '"
              + item.domain()
              + "' (declared: "
              + domainIds
              + ")");
      require(
          item.text() != null && !item.text().isBlank(),
          problems,
          "study.yml: items[" + i + "].text: missing");
    }
    Set<String> codes = s.happening().keySet();
    Set<String> expected =
        EnumSet.allOf(Happening.class).stream().map(Happening::code).collect(Collectors.toSet());
    require(
        codes.equals(expected),
        problems,
        "study.yml: happening: must map exactly the answer codes "
            + expected
            + " (found "
            + codes
            + ")");
    require(
        s.importance() != null && s.importance().min() < s.importance().max(),
        problems,
        "study.yml: importance: min must be below max");
    require(
        s.patterns() != null,
        problems,
        "study.yml: patterns: missing (thresholds for pattern detection)");
    if (s.patterns() != null) {
      checkPatterns(s.patterns(), s.importance(), problems);
    }
    require(
        s.quotes() != null
            && s.quotes().perGroupMax() >= 1
            && s.quotes().minChars() < s.quotes().maxChars(),
        problems,
        "study.yml: quotes: per-group-max must be >= 1 and min-chars below max-chars");
    if (s.quotes() != null) {
      require(
          s.quotes().uncorroboratedMinScore() >= -1 && s.quotes().uncorroboratedMinScore() <= 1,
          problems,
          "study.yml: quotes.uncorroborated-min-score: must be a margin from -1 to 1 (was "
              + s.quotes().uncorroboratedMinScore()
              + ")");
    }
    checkDeidentify(s.deidentify(), problems);
    checkLanguages(s.languages(), problems);
    checkAlignment(s.alignment(), problems);
    for (int i = 0; i < s.items().size(); i++) {
      List<String> prompts = s.items().get(i).prompts();
      for (int p = 0; p < prompts.size(); p++) {
        require(
            prompts.get(p) != null && !prompts.get(p).isBlank(),
            problems,
            "study.yml: items[" + i + "].prompts[" + p + "]: empty prompt");
      }
    }
    for (int i = 0; i < s.packs().size(); i++) {
      Study.PackDefinition pack = s.packs().get(i);
      require(
          pack.id() != null && pack.id().matches("[a-z0-9][a-z0-9_-]*"),
          problems,
          "study.yml: packs[" + i + "].id: use lower-case letters, digits, '-' or '_'");
      for (String g : pack.groupings()) {
        require(
            s.groupings().contains(g),
            problems,
            "study.yml: packs[" + i + "].groupings: '" + g + "' is not in groupings");
      }
      for (String type : pack.patternTypes()) {
        require(
            Study.PACK_PATTERN_TYPES.contains(type),
            problems,
            "study.yml: packs["
                + i
                + "].pattern-types: '"
                + type
                + "' is not one of "
                + Study.PACK_PATTERN_TYPES);
      }
    }
  }

  private static void checkLanguages(Study.Languages languages, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < languages.declared().size(); i++) {
      String code = languages.declared().get(i);
      require(
          code != null && Study.Languages.WITH_MODELS.contains(code) && seen.add(code),
          problems,
          "study.yml: languages.declared["
              + i
              + "]: '"
              + code
              + "' is a duplicate or a language without annotation models (one of "
              + Study.Languages.WITH_MODELS
              + ", as ISO 639-1 codes)");
    }
    require(
        Study.Languages.UNDETECTABLE_CHOICES.contains(languages.undetectable()),
        problems,
        "study.yml: languages.undetectable: '"
            + languages.undetectable()
            + "' is not one of "
            + Study.Languages.UNDETECTABLE_CHOICES);
    for (int i = 0; i < languages.countries().size(); i++) {
      String country = languages.countries().get(i);
      require(
          Study.Languages.WITH_PATTERNS.contains(country),
          problems,
          "study.yml: languages.countries["
              + i
              + "]: '"
              + country
              + "' is not a country whose identifiers are known (one of "
              + Study.Languages.WITH_PATTERNS
              + ")");
    }
  }

  private static void checkAlignment(Study.Alignment a, List<String> problems) {
    require(
        Study.Alignment.MINILM_L6_V2_Q.equals(a.model()),
        problems,
        "study.yml: alignment.model: '"
            + a.model()
            + "' is not an available model ("
            + Study.Alignment.MINILM_L6_V2_Q
            + ")");
    similarity("question-min-score", a.questionMinScore(), problems);
    similarity("semantic-min-score", a.semanticMinScore(), problems);
    similarity("quote-min-score", a.quoteMinScore(), problems);
    require(
        a.domainSwitchCost() >= 0 && a.domainSwitchCost() <= 1,
        problems,
        "study.yml: alignment.domain-switch-cost: must be from 0 to 1 (was "
            + a.domainSwitchCost()
            + ")");
  }

  private static void similarity(String key, double value, List<String> problems) {
    require(
        value >= -1 && value <= 1,
        problems,
        "study.yml: alignment." + key + ": must be a similarity from -1 to 1 (was " + value + ")");
  }

  private static final String PSEUDONYM = "\\[[A-Za-z0-9][A-Za-z0-9 _-]*\\]";

  private static void checkDeidentify(Study.Deidentification d, List<String> problems) {
    terms("deidentify.people", d.people(), problems);
    terms("deidentify.places", d.places(), problems);
    terms("deidentify.keep", d.keep(), problems);
    headWords("deidentify.name-heads.places", d.nameHeads().places(), problems);
    headWords("deidentify.name-heads.organisations", d.nameHeads().organisations(), problems);
    Set<String> pseudonyms = new HashSet<>();
    d.cases()
        .forEach((caseId, names) -> {
          String key = "deidentify.cases." + caseId;
          if (names == null) {
            problems.add("study.yml: " + key + ": give the case's names (names: [...])");
            return;
          }
          require(
              !names.names().isEmpty(),
              problems,
              "study.yml: " + key + ".names: list at least one name of the case's organisation");
          terms(key + ".names", names.names(), problems);
          terms(key + ".places", names.places(), problems);
          String pseudonym =
              names.pseudonym() == null ? "[CASE-" + caseId + "]" : names.pseudonym();
          require(
              pseudonym.matches(PSEUDONYM),
              problems,
              "study.yml: "
                  + key
                  + ".pseudonym: write it in square brackets with letters, digits, spaces, '-' or"
                  + " '_' (was '"
                  + pseudonym
                  + "')");
          require(
              pseudonyms.add(pseudonym),
              problems,
              "study.yml: " + key + ".pseudonym: '" + pseudonym + "' is another case's too");
        });
    Set<String> kept =
        d.keep().stream()
            .filter(t -> t != null)
            .map(StudyLoader::normaliseTerm)
            .collect(Collectors.toSet());
    List<String> listed = new ArrayList<>(d.people());
    listed.addAll(d.places());
    d.cases().values().stream()
        .filter(c -> c != null)
        .forEach(c -> {
          listed.addAll(c.names());
          listed.addAll(c.places());
        });
    for (String term : listed) {
      require(
          term == null || !kept.contains(normaliseTerm(term)),
          problems,
          "study.yml: deidentify.keep: '" + term + "' is also listed to be replaced");
    }
  }

  private static void headWords(String key, List<String> words, List<String> problems) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      require(
          word != null && word.matches("\\p{Lu}[\\p{L}\\p{M}'’.-]*"),
          problems,
          "study.yml: "
              + key
              + "["
              + i
              + "]: '"
              + word
              + "' is not one capitalised word (a name's last word, as written)");
    }
  }

  private static void terms(String key, List<String> terms, List<String> problems) {
    for (int i = 0; i < terms.size(); i++) {
      require(
          terms.get(i) != null && !terms.get(i).isBlank(),
          problems,
          "study.yml: " + key + "[" + i + "]: empty term");
    }
  }

  private static String normaliseTerm(String term) {
    return term.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** Upper bound on Monte Carlo tables: past it a night's comparisons would take hours. */
  static final int MAX_MONTE_CARLO_TABLES = 10_000_000;

  private static void checkPatterns(
      Study.PatternThresholds t, Study.ImportanceScale scale, List<String> problems) {
    share("replicated-in-place-min-share", t.replicatedInPlaceMinShare(), problems);
    share("replicated-not-in-place-max-share", t.replicatedNotInPlaceMaxShare(), problems);
    share("importance-gap-max-share", t.importanceGapMaxShare(), problems);
    share("min-effect-size", t.minEffectSize(), problems);
    share("importance-min-effect-size", t.importanceMinEffectSize(), problems);
    require(
        t.minGroupN() >= 1,
        problems,
        "study.yml: patterns.min-group-n: must be a whole number >= 1 (was " + t.minGroupN() + ")");
    require(
        t.alpha() > 0 && t.alpha() < 1,
        problems,
        "study.yml: patterns.alpha: must be above 0 and below 1 (was " + t.alpha() + ")");
    if (scale != null) {
      require(
          t.importanceGapMinMean() >= scale.min() && t.importanceGapMinMean() <= scale.max(),
          problems,
          "study.yml: patterns.importance-gap-min-mean: must lie on the importance scale "
              + scale.min()
              + ".."
              + scale.max()
              + " (was "
              + t.importanceGapMinMean()
              + ")");
    }
    require(
        t.monteCarloTables() >= Study.PatternThresholds.DEFAULT_MONTE_CARLO_TABLES
            && t.monteCarloTables() <= MAX_MONTE_CARLO_TABLES,
        problems,
        "study.yml: patterns.monte-carlo-tables: must be from "
            + Study.PatternThresholds.DEFAULT_MONTE_CARLO_TABLES
            + " to "
            + MAX_MONTE_CARLO_TABLES
            + " (was "
            + t.monteCarloTables()
            + ")");
  }

  private static void share(String key, double value, List<String> problems) {
    require(
        value >= 0 && value <= 1,
        problems,
        "study.yml: patterns." + key + ": must be from 0 to 1 (was " + value + ")");
  }

  /** Names the pipeline itself uses for groupings ("case", "all") and search parameters. */
  private static final Set<String> RESERVED_ATTRIBUTE_IDS =
      Set.of(
          "all",
          "case",
          "q",
          "page",
          "size",
          "sort",
          "role",
          "category",
          "theme",
          "language",
          "source_kind");

  private static void checkAttributes(
      String key, List<Study.Attribute> attributes, Set<String> seen, List<String> problems) {
    for (int i = 0; i < attributes.size(); i++) {
      Study.Attribute a = attributes.get(i);
      require(
          !RESERVED_ATTRIBUTE_IDS.contains(a.id()),
          problems,
          "study.yml: "
              + key
              + "["
              + i
              + "].id: '"
              + a.id()
              + "' is reserved ("
              + RESERVED_ATTRIBUTE_IDS
              + "); choose another id");
      require(
          a.id() != null && a.id().matches("[a-z][a-z0-9_]*") && seen.add(a.id()),
          problems,
          "study.yml: "
              + key
              + "["
              + i
              + "].id: missing, duplicate or not a lower-case identifier: '"
              + a.id()
              + "'");
      require(
          a.values() != null && !a.values().isEmpty(),
          problems,
          "study.yml: " + key + "[" + i + "].values: declare the allowed values");
    }
  }

  private static void validateCodebook(Study s, List<String> problems) {
    Set<String> categoryIds = new HashSet<>();
    Set<String> ruleIds = new HashSet<>();
    List<Codebook.Theme> themes = s.codebook().themes();
    for (int t = 0; t < themes.size(); t++) {
      List<Codebook.Category> categories = themes.get(t).categories();
      for (int c = 0; c < categories.size(); c++) {
        Codebook.Category category = categories.get(c);
        String key = "codebook.yml: themes[" + t + "].categories[" + c + "]";
        require(
            category.id() != null && categoryIds.add(category.id()),
            problems,
            key + ".id: missing or duplicate '" + category.id() + "'");
        for (String item : category.items()) {
          require(s.item(item).isPresent(), problems, key + ".items: unknown item '" + item + "'");
        }
        require(
            !category.codingRules().isEmpty(),
            problems,
            key + ": needs any-of, phrases or rules to code anything");
        checkTerms(key + ".any-of", category.anyOf(), problems);
        checkTerms(key + ".phrases", category.phrases(), problems);
        if (!category.anyOf().isEmpty() || !category.phrases().isEmpty()) {
          // The short form is a rule named after its category.
          ruleIds.add(category.id());
        }
        for (int r = 0; r < category.rules().size(); r++) {
          checkRule(key + ".rules[" + r + "]", category.rules().get(r), ruleIds, problems);
          String language = category.rules().get(r).language();
          require(
              language == null || s.languages().declares(language),
              problems,
              key
                  + ".rules["
                  + r
                  + "].language: '"
                  + language
                  + "' is not a language the study declares ("
                  + s.languages().declared()
                  + ")");
        }
      }
    }
  }

  private static void checkRule(
      String key, Codebook.Rule rule, Set<String> ruleIds, List<String> problems) {
    require(
        rule.id() != null && rule.id().matches("[a-z0-9][a-z0-9_-]{0,99}"),
        problems,
        key
            + ".id: missing or not an id (lower-case letters, digits, '-' or '_'): '"
            + rule.id()
            + "'");
    require(
        rule.id() == null || ruleIds.add(rule.id()),
        problems,
        key + ".id: '" + rule.id() + "' is already the id of another rule (or category)");
    require(
        !rule.anyOf().isEmpty() || !rule.allOf().isEmpty(),
        problems,
        key + ": needs any-of or all-of to match anything");
    checkTerms(key + ".any-of", rule.anyOf(), problems);
    checkTerms(key + ".all-of", rule.allOf(), problems);
    checkTerms(key + ".exclude", rule.exclude(), problems);
    require(
        Codebook.Rule.SPEAKERS.contains(rule.speaker()),
        problems,
        key + ".speaker: '" + rule.speaker() + "' is not one of " + Codebook.Rule.SPEAKERS);
    if (rule.window() != null) {
      int needed =
          rule.allOf().stream().mapToInt(StudyLoader::tokenCount).sum()
              + (rule.anyOf().isEmpty()
                  ? 0
                  : rule.anyOf().stream().mapToInt(StudyLoader::tokenCount).min().orElse(0));
      require(
          rule.window() >= 1 && rule.window() >= needed,
          problems,
          key
              + ".window: "
              + rule.window()
              + " tokens cannot hold the rule's terms ("
              + Math.max(needed, 1)
              + " tokens at least)");
    }
    if (rule.excludeWindow() != null) {
      require(
          rule.excludeWindow() >= 0,
          problems,
          key + ".exclude-window: must be 0 or more tokens (was " + rule.excludeWindow() + ")");
      require(!rule.exclude().isEmpty(), problems, key + ".exclude-window: given without exclude");
    }
  }

  private static void checkTerms(String key, List<String> terms, List<String> problems) {
    for (int i = 0; i < terms.size(); i++) {
      require(
          terms.get(i) != null && !terms.get(i).isBlank(),
          problems,
          key + "[" + i + "]: empty term");
    }
  }

  private static int tokenCount(String term) {
    return term == null || term.isBlank() ? 0 : term.strip().split("\\s+").length;
  }

  private static void require(boolean ok, List<String> problems, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
