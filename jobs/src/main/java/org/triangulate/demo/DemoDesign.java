package org.triangulate.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The generator's design, read from {@code resources/demo/design.yml}: cases, stakeholder groups,
 * how each item is answered (the planted patterns), missingness, transcript sizes and the pools of
 * invented people and places. Immutable.
 */
record DemoDesign(
    int interviewYear,
    String stakeholderGroupAttribute,
    List<String> stakeholderGroups,
    List<CaseDesign> cases,
    Map<String, ItemModel> items,
    Missingness missingness,
    TranscriptPlan transcripts,
    List<PlantedPattern> patterns,
    People people) {

  static DemoDesign load() {
    return DemoResources.yaml("design.yml", DemoDesign.class);
  }

  /**
   * A case: its organisation, how people name it and its places (study.yml lists them), the places,
   * organisations and towns said in its transcripts that study.yml never lists, and its attribute
   * values.
   */
  record CaseDesign(
      String id,
      String name,
      String organisation,
      String shortName,
      List<String> places,
      List<String> unlistedPlaces,
      List<String> unlistedOrganisations,
      List<String> unlistedTowns,
      String team,
      String postcodeArea,
      String phoneArea,
      String emailDomain,
      int participants,
      Map<String, String> attributes) {}

  /**
   * How an item is answered: weights over answer codes and importance values, overridden in order
   * by the rules whose conditions a participant meets.
   */
  record ItemModel(
      Map<String, Double> happening, Map<String, Double> importance, List<Rule> rules) {
    ItemModel {
      rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  /** Overrides for participants whose attributes each take one of the listed values. */
  record Rule(
      @JsonProperty("if") Map<String, List<String>> when,
      Map<String, Double> happening,
      Map<String, Double> importance) {}

  record Missingness(
      double itemSkipped,
      double domainSkipped,
      double importanceBlank,
      double otherSpelling,
      Map<String, List<String>> spellings) {}

  record TranscriptPlan(
      int minWords,
      int maxWords,
      int docx,
      int nfd,
      int bom,
      int qdpxSources,
      double heldOutNames,
      double datesOfBirth,
      OwnCode qdpxOwnCode) {}

  /** A code the researcher added while coding, which the study's codebook does not have. */
  record OwnCode(String name, String description) {}

  /** A planted pattern with the claims a test checks against the generated answers. */
  record PlantedPattern(
      String id,
      String type,
      String grouping,
      String description,
      List<String> items,
      List<Map<String, Object>> claims) {}

  /** The people and streets names are drawn from; study.yml lists {@code streets} only. */
  record People(
      List<String> women,
      List<String> men,
      List<String> surnames,
      List<String> streets,
      List<String> unlistedStreets) {}
}
