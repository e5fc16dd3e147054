package org.triangulate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.triangulate.study.Study;

/**
 * Checks, before anything is generated, that the design, the phrase bank and the study
 * configuration describe the same study: the same items, declared attribute values and groups, a
 * topic for every item and words for every domain and group, the streets it says are listed listed
 * in study.yml, and its unlisted names free of every term study.yml's deidentify lists hold.
 * Stateless.
 */
final class DesignCheck {

  private DesignCheck() {}

  static void against(DemoDesign design, PhraseBank bank, Study study) {
    List<String> problems = new ArrayList<>();
    Set<String> itemIds = study.items().stream().map(Study.Item::id).collect(Collectors.toSet());
    if (!design.items().keySet().equals(itemIds)) {
      problems.add(
          "design.yml items differ from study.yml items: "
              + difference(design.items().keySet(), itemIds));
    }
    for (String item : itemIds) {
      PhraseBank.Topic topic = bank.topics().get(item);
      if (topic == null
          || topic.prompts().isEmpty()
          || topic.said("yes").isEmpty()
          || topic.said("partly").isEmpty()
          || topic.said("no").isEmpty()) {
        problems.add(
            "phrases.yml: topics." + item + ": needs prompts and yes, partly and no phrases");
      }
    }
    for (DemoDesign.CaseDesign c : design.cases()) {
      for (Study.Attribute attribute : study.caseAttributes()) {
        String value = c.attributes().get(attribute.id());
        if (!attribute.values().containsKey(value)) {
          problems.add(
              "design.yml: case "
                  + c.id()
                  + ": "
                  + attribute.id()
                  + " '"
                  + value
                  + "' is not declared in study.yml");
        }
      }
      if (c.participants() < design.stakeholderGroups().size()) {
        problems.add("design.yml: case " + c.id() + ": fewer participants than stakeholder groups");
      }
    }
    Set<String> groups =
        study
            .attribute(design.stakeholderGroupAttribute())
            .map(a -> a.values().keySet())
            .orElse(Set.of());
    for (String group : design.stakeholderGroups()) {
      if (!groups.contains(group)) {
        problems.add("design.yml: stakeholder group '" + group + "' is not declared in study.yml");
      }
      if (!bank.participant().background().containsKey(group)) {
        problems.add("phrases.yml: participant.background." + group + ": missing");
      }
    }
    for (Study.Domain domain : study.domains()) {
      if (!bank.interviewer().domainIntros().containsKey(domain.id())) {
        problems.add("phrases.yml: interviewer.domain-intros." + domain.id() + ": missing");
      }
    }
    for (DemoDesign.PlantedPattern pattern : design.patterns()) {
      for (String item : pattern.items()) {
        if (!itemIds.contains(item)) {
          problems.add("design.yml: patterns." + pattern.id() + ": unknown item '" + item + "'");
        }
      }
    }
    problems.addAll(heldOutNames(design, study.deidentify()));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The demo design does not match the study:\n  - " + String.join("\n  - ", problems));
    }
  }

  /**
   * A held-out name that held a listed term ("Northvale City Council") would be found by the list,
   * so the demo's recall without lists would measure the list after all.
   */
  private static List<String> heldOutNames(DemoDesign design, Study.Deidentification lists) {
    List<String> problems = new ArrayList<>();
    List<String> listed = new ArrayList<>(lists.places());
    listed.addAll(lists.people());
    lists
        .cases()
        .values()
        .forEach(c -> {
          listed.addAll(c.names());
          listed.addAll(c.places());
        });
    for (String street : design.people().streets()) {
      if (!lists.places().contains(street)) {
        problems.add("design.yml: people.streets: '" + street + "' is not in study.yml's places");
      }
    }
    List<String> unlisted = new ArrayList<>(design.people().unlistedStreets());
    for (DemoDesign.CaseDesign c : design.cases()) {
      for (List<String> names :
          List.of(c.unlistedPlaces(), c.unlistedOrganisations(), c.unlistedTowns())) {
        if (names == null || names.isEmpty()) {
          problems.add(
              "design.yml: case "
                  + c.id()
                  + ": needs unlisted places, organisations"
                  + " and towns");
        } else {
          unlisted.addAll(names);
        }
      }
    }
    for (String name : unlisted) {
      for (String term : listed) {
        String bare = term.replaceFirst("(?i)^the\\s+", "");
        if (java.util.regex.Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(bare) + "(?![\\p{L}\\p{N}])",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
            .matcher(name)
            .find()) {
          problems.add(
              "design.yml: unlisted name '"
                  + name
                  + "' holds '"
                  + term
                  + "', which study.yml lists");
        }
      }
    }
    return problems;
  }

  private static String difference(Set<String> a, Set<String> b) {
    Set<String> onlyA =
        a.stream()
            .filter(x -> !b.contains(x))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    Set<String> onlyB =
        b.stream()
            .filter(x -> !a.contains(x))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    return "only in design " + onlyA + ", only in study " + onlyB;
  }
}
