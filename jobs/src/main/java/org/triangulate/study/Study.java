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
    // Read from codebook.yml and injected by StudyLoader, not a key of study.yml.
    @JacksonInject(value = Study.CODEBOOK, useInput = OptBoolean.FALSE) Codebook codebook) {

  static final String CODEBOOK = "codebook";

  public Study {
    // Keys left out of study.yml read as empty; StudyLoader reports the ones that must not be.
    caseAttributes = copy(caseAttributes);
    participantAttributes = copy(participantAttributes);
    groupings = copy(groupings);
    domains = copy(domains);
    items = copy(items);
    happening = happening == null ? Map.of() : Map.copyOf(happening);
    deidentify = deidentify == null ? new Deidentification(List.of()) : deidentify;
    packs = copy(packs);
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
  public record Item(String id, String domain, String text) {}

  public record ImportanceScale(int min, int max) {}

  /** Thresholds that turn statistics into patterns. Shares are 0..1. */
  public record PatternThresholds(
      double replicatedInPlaceMinShare,
      double replicatedNotInPlaceMaxShare,
      int minGroupN,
      double alpha,
      double minEffectSize,
      double importanceGapMinMean,
      double importanceGapMaxShare) {}

  /** How many quotes a joint display shows per group, and their length bounds in characters. */
  public record QuoteRules(int perGroupMax, int minChars, int maxChars) {}

  /**
   * Study-specific terms (staff names, local places) replaced by pseudonyms before anything leaves
   * the store.
   */
  public record Deidentification(List<String> terms) {
    public Deidentification {
      terms = terms == null ? List.of() : List.copyOf(terms);
    }
  }

  /** A synthesis pack: which groupings and pattern types a workshop looks at. */
  public record PackDefinition(
      String id, String title, List<String> groupings, List<String> patternTypes) {
    public PackDefinition {
      groupings = copy(groupings);
      patternTypes = copy(patternTypes);
    }
  }
}
