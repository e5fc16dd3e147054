package org.triangulate.study;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study's design as declared in {@code study.yml} plus its {@link Codebook}. Immutable; loaded
 * and validated once by {@link StudyLoader} and shared by every step.
 */
public record Study(
    String name,
    String title,
    List<Attribute> caseAttributes,
    List<Attribute> participantAttributes,
    List<String> groupings,
    List<Domain> domains,
    List<Item> items,
    Map<String, List<String>> happening,
    ImportanceScale importance,
    PatternThresholds patterns,
    QuoteRules quotes,
    Deidentification deidentify,
    List<PackDefinition> packs,
    Languages languages,
    Alignment alignment,
    // Read from codebook.yml and injected by StudyLoader, not a key of study.yml.
    @JacksonInject(value = Study.CODEBOOK, useInput = OptBoolean.FALSE) Codebook codebook) {

  static final String CODEBOOK = "codebook";

  /** The kinds of pattern a pack may select (the stats package's pattern families). */
  public static final List<String> PACK_PATTERN_TYPES =
      List.of("REPLICATED_IN_PLACE", "REPLICATED_NOT_IN_PLACE", "VARIES_BY", "IMPORTANCE_GAP");

  public Study {
    // Keys left out of study.yml read as empty; StudyLoader reports the ones that must not be.
    caseAttributes = copy(caseAttributes);
    participantAttributes = copy(participantAttributes);
    groupings = copy(groupings);
    domains = copy(domains);
    items = copy(items);
    happening = happening == null ? Map.of() : Map.copyOf(happening);
    deidentify = deidentify == null ? Deidentification.NONE : deidentify;
    packs = copy(packs);
    languages = languages == null ? Languages.ENGLISH : languages;
    alignment = alignment == null ? Alignment.DEFAULT : alignment.withDefaults();
  }

  /** The same study under another name (tests give each index its own alias this way). */
  public Study withName(String otherName) {
    return new Study(
        otherName,
        title,
        caseAttributes,
        participantAttributes,
        groupings,
        domains,
        items,
        happening,
        importance,
        patterns,
        quotes,
        deidentify,
        packs,
        languages,
        alignment,
        codebook);
  }

  /** The same study with other pattern thresholds and options. */
  public Study withPatterns(PatternThresholds otherPatterns) {
    return new Study(
        name,
        title,
        caseAttributes,
        participantAttributes,
        groupings,
        domains,
        items,
        happening,
        importance,
        otherPatterns,
        quotes,
        deidentify,
        packs,
        languages,
        alignment,
        codebook);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  public Optional<Item> item(String itemId) {
    return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
  }

  public Optional<Attribute> attribute(String attributeId) {
    return java.util.stream.Stream.concat(caseAttributes.stream(), participantAttributes.stream())
        .filter(a -> a.id().equals(attributeId))
        .findFirst();
  }

  public boolean isCaseAttribute(String attributeId) {
    return caseAttributes.stream().anyMatch(a -> a.id().equals(attributeId));
  }

  /** Label of a group value of a grouping, or the raw value when undeclared. */
  public String groupLabel(String grouping, String group) {
    return attribute(grouping).map(a -> a.values().getOrDefault(group, group)).orElse(group);
  }

  public String groupingLabel(String grouping) {
    return attribute(grouping).map(Attribute::label).orElse(grouping);
  }

  /** An attribute of a case or participant: its id (the CSV column), label and allowed values. */
  public record Attribute(String id, String label, Map<String, String> values) {
    public Attribute {
      values =
          values == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }

  public record Domain(String id, String label) {}

  /** A structured interview item, asked as A (happening) and B (importance). */
  /**
   * A structured item: its wording, and optionally the questions of the topic guide that ask about
   * it ({@code prompts}), which help tell which item an interview turn is about.
   */
  public record Item(String id, String domain, String text, List<String> prompts) {
    public Item {
      prompts = copy(prompts);
    }

    public Item(String id, String domain, String text) {
      this(id, domain, text, null);
    }
  }

  public record ImportanceScale(int min, int max) {}

  /**
   * Thresholds and options that turn statistics into patterns. Shares are 0..1. The keys up to
   * {@code importanceGapMaxShare} are required (a missing primitive fails to load, naming the key);
   * the later ones are optional: boxed so that a missing key reads as null, then given its default
   * here.
   *
   * @param minEffectSize floor for Cramér's V of the answer-A (happening) comparison
   * @param importanceMinEffectSize floor for epsilon-squared of the answer-B (importance)
   *     comparison
   * @param monteCarloTables random tables for the Monte Carlo p of a chi-square test with small
   *     expected counts
   * @param monteCarloSeed seed of those tables, so a night's p-values can be reproduced
   * @param cramersVBiasCorrected report Bergsma's bias-corrected Cramér's V instead of the plain
   *     one
   */
  public record PatternThresholds(
      double replicatedInPlaceMinShare,
      double replicatedNotInPlaceMaxShare,
      int minGroupN,
      double alpha,
      double minEffectSize,
      double importanceGapMinMean,
      double importanceGapMaxShare,
      Double importanceMinEffectSize,
      Integer monteCarloTables,
      Long monteCarloSeed,
      Boolean cramersVBiasCorrected) {

    public static final double DEFAULT_IMPORTANCE_MIN_EFFECT_SIZE = 0.06;
    public static final int DEFAULT_MONTE_CARLO_TABLES = 10_000;
    public static final long DEFAULT_MONTE_CARLO_SEED = 20_261_126L;

    public PatternThresholds {
      importanceMinEffectSize =
          importanceMinEffectSize == null
              ? DEFAULT_IMPORTANCE_MIN_EFFECT_SIZE
              : importanceMinEffectSize;
      monteCarloTables = monteCarloTables == null ? DEFAULT_MONTE_CARLO_TABLES : monteCarloTables;
      monteCarloSeed = monteCarloSeed == null ? DEFAULT_MONTE_CARLO_SEED : monteCarloSeed;
      cramersVBiasCorrected = cramersVBiasCorrected != null && cramersVBiasCorrected;
    }

    /** The required thresholds, every option at its default. */
    public PatternThresholds(
        double replicatedInPlaceMinShare,
        double replicatedNotInPlaceMaxShare,
        int minGroupN,
        double alpha,
        double minEffectSize,
        double importanceGapMinMean,
        double importanceGapMaxShare) {
      this(
          replicatedInPlaceMinShare,
          replicatedNotInPlaceMaxShare,
          minGroupN,
          alpha,
          minEffectSize,
          importanceGapMinMean,
          importanceGapMaxShare,
          null,
          null,
          null,
          null);
    }
  }

  /**
   * How participant segments are aligned to items (see {@code org.triangulate.align.ItemAligner}):
   * the sentence-embedding {@code model}; the similarity (cosine, -1 to 1) from which a question
   * and its answers are taken to be about an item ({@code question-min-score}); the similarity from
   * which a turn outside any question's section is aligned by its own meaning ({@code
   * semantic-min-score}); and the alignment score (the margin by which the evidence prefers the
   * item to the next closest one) a quote needs ({@code quote-min-score}); what a change of domain
   * between consecutive sections costs when an interview is read as runs of one domain's items
   * ({@code domain-switch-cost}, 0 to 1; 0 reads every section on its own).
   */
  public record Alignment(
      String model,
      Double questionMinScore,
      Double semanticMinScore,
      Double quoteMinScore,
      Double domainSwitchCost) {

    public static final String MINILM_L6_V2_Q = "all-minilm-l6-v2-q";
    public static final Alignment DEFAULT =
        new Alignment(null, null, null, null, null).withDefaults();

    public Alignment withDefaults() {
      return new Alignment(
          model == null ? MINILM_L6_V2_Q : model,
          questionMinScore == null ? 0.35 : questionMinScore,
          semanticMinScore == null ? 0.6 : semanticMinScore,
          quoteMinScore == null ? 0.05 : quoteMinScore,
          domainSwitchCost == null ? 0.05 : domainSwitchCost);
    }
  }

  /**
   * How many quotes a joint display shows per group, and their length bounds in characters; and the
   * alignment score a quote needs when only one kind of evidence aligns it to its item ({@code
   * uncorroborated-min-score}, default {@value #UNCORROBORATED_MIN_SCORE}): a quote whose alignment
   * a second kind of evidence agrees with (its own meaning, a coding) needs only the alignment's
   * {@code quote-min-score}.
   */
  public record QuoteRules(
      int perGroupMax, int minChars, int maxChars, Double uncorroboratedMinScore) {

    public static final double UNCORROBORATED_MIN_SCORE = 0.15;

    public QuoteRules {
      if (uncorroboratedMinScore == null) {
        uncorroboratedMinScore = UNCORROBORATED_MIN_SCORE;
      }
    }

    public QuoteRules(int perGroupMax, int minChars, int maxChars) {
      this(perGroupMax, minChars, maxChars, null);
    }
  }

  /**
   * What the study team knows identifies people, beyond what is detected in the text (names found
   * by NER, e-mails, phone and NHS numbers, postcodes, dates of birth): staff names ({@code
   * people}), local places ({@code places}), each case's names for its organisation and its own
   * places ({@code cases}, keyed by case id; the organisation's names become the case's pseudonym),
   * and words NER wrongly takes for a name, place or organisation ({@code keep}). Matching ignores
   * case and runs of whitespace. {@code nameHeads}: the last words of the names of places and
   * organisations, for finding those the lists do not hold ({@link NameHeads#DEFAULTS} when
   * absent).
   */
  public record Deidentification(
      List<String> people,
      List<String> places,
      Map<String, CaseNames> cases,
      List<String> keep,
      NameHeads nameHeads) {

    public static final Deidentification NONE = new Deidentification(null, null, null, null);

    public Deidentification {
      people = copy(people);
      places = copy(places);
      cases =
          cases == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cases));
      keep = copy(keep);
      nameHeads = nameHeads == null ? NameHeads.DEFAULTS : nameHeads;
    }

    /** The lists and kept words, with the default name heads. */
    public Deidentification(
        List<String> people, List<String> places, Map<String, CaseNames> cases, List<String> keep) {
      this(people, places, cases, keep, null);
    }

    /** The same configuration without the lists of names (people, places, cases). */
    public Deidentification withoutLists() {
      return new Deidentification(null, null, null, keep, nameHeads);
    }
  }

  /**
   * The words the names of places ({@code Ward}, {@code Road}) and organisations ({@code Trust},
   * {@code Network}) end in, as written (case matters): a capitalised phrase ending in one is a
   * place or an organisation, listed or not. Either list left out of study.yml takes its default
   * from {@code study/name-heads.yml}; an empty list turns that kind off.
   */
  public record NameHeads(List<String> places, List<String> organisations) {

    public static final NameHeads DEFAULTS = NameHeadDefaults.load();

    public NameHeads {
      places = places == null ? DEFAULTS.places() : List.copyOf(places);
      organisations = organisations == null ? DEFAULTS.organisations() : List.copyOf(organisations);
    }
  }

  /**
   * A case's organisation names (replaced by {@code pseudonym}, by default {@code [CASE-<id>]}) and
   * its places (replaced by place pseudonyms like any other place).
   */
  public record CaseNames(List<String> names, List<String> places, String pseudonym) {
    public CaseNames {
      names = copy(names);
      places = copy(places);
    }
  }

  /**
   * A synthesis pack: which groupings and pattern types a workshop looks at. With {@code perCase}
   * it is written once per case, as {@code <id>-<case id>}: that case's numbers beside the
   * study-wide ones, and only its own quotes.
   */
  public record PackDefinition(
      String id, String title, List<String> groupings, List<String> patternTypes, Boolean perCase) {
    public PackDefinition {
      groupings = copy(groupings);
      patternTypes = copy(patternTypes);
      perCase = Boolean.TRUE.equals(perCase);
    }

    public PackDefinition(
        String id, String title, List<String> groupings, List<String> patternTypes) {
      this(id, title, groupings, patternTypes, false);
    }

    public boolean isPerCase() {
      return perCase;
    }
  }

  /**
   * The languages the study's transcripts are in (ISO 639-1 codes; the first is the default), what
   * becomes of a transcript whose language cannot be told ({@code annotate}: in the default
   * language; {@code quarantine}), and the countries whose identifiers (phone numbers, postcodes,
   * national numbers) de-identification looks for (ISO 3166 codes; {@code GB} by default).
   */
  public record Languages(List<String> declared, String undetectable, List<String> countries) {

    public static final String ANNOTATE = "annotate";
    public static final String QUARANTINE = "quarantine";
    public static final List<String> UNDETECTABLE_CHOICES = List.of(ANNOTATE, QUARANTINE);
    public static final Languages ENGLISH = new Languages(null, null, null);

    /** The languages whose CoreNLP models the build ships: the ones a study may declare. */
    public static final List<String> WITH_MODELS = List.of("en", "fr");

    /** The countries whose identifiers de-identification knows the form of. */
    public static final List<String> WITH_PATTERNS = List.of("GB", "FR");

    public Languages {
      declared =
          declared == null || declared.isEmpty()
              ? List.of("en")
              : declared.stream()
                  .map(c -> c == null ? null : c.strip().toLowerCase(java.util.Locale.ROOT))
                  .toList();
      undetectable = undetectable == null ? ANNOTATE : undetectable;
      countries =
          countries == null || countries.isEmpty()
              ? List.of("GB")
              : countries.stream()
                  .map(c -> c == null ? null : c.strip().toUpperCase(java.util.Locale.ROOT))
                  .toList();
    }

    /** The language a transcript is annotated in when nothing else is known. */
    public String defaultLanguage() {
      return declared.getFirst();
    }

    public boolean declares(String language) {
      return declared.contains(language);
    }

    public boolean quarantinesUndetectable() {
      return QUARANTINE.equals(undetectable);
    }
  }
}
