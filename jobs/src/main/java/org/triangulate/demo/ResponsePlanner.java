package org.triangulate.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * The structured answers: who leaves what out, then, item by item, each answer drawn from the
 * design's model for the participant's case and group, balanced across cases and groups by {@link
 * BalancedAllocator}, then some written in other accepted spellings.
 */
final class ResponsePlanner {

  private static final List<String> CODES =
      Arrays.stream(Happening.values()).map(Happening::code).toList();

  private final DemoDesign design;
  private final Study study;
  private final Seeds seeds;

  ResponsePlanner(DemoDesign design, Study study, Seeds seeds) {
    this.design = design;
    this.study = study;
    this.seeds = seeds;
  }

  List<DemoAnswer> plan(List<DemoParticipant> participants) {
    Set<String> answered = answeredItems(participants);
    Map<String, DemoAnswer> byKey = new LinkedHashMap<>();
    for (Study.Item item : study.items()) {
      List<DemoParticipant> units =
          participants.stream().filter(p -> answered.contains(key(p, item.id()))).toList();
      DemoDesign.ItemModel model = design.items().get(item.id());
      int[] happening =
          allocate(units, p -> weights(resolve(model, p, true), CODES), "happening/" + item.id());
      List<String> importanceValues = importanceValues();
      RandomGenerator blanks = seeds.stream("responses/blank/" + item.id());
      List<DemoParticipant> rated =
          units.stream()
              .filter(p -> !Draw.chance(blanks, design.missingness().importanceBlank()))
              .toList();
      int[] importance =
          allocate(
              rated,
              p -> weights(resolve(model, p, false), importanceValues),
              "importance/" + item.id());
      Map<String, Integer> importanceOf = new LinkedHashMap<>();
      for (int i = 0; i < rated.size(); i++) {
        importanceOf.put(rated.get(i).id(), Integer.valueOf(importanceValues.get(importance[i])));
      }
      RandomGenerator spelling = seeds.stream("responses/spelling/" + item.id());
      for (int i = 0; i < units.size(); i++) {
        DemoParticipant p = units.get(i);
        String code = CODES.get(happening[i]);
        byKey.put(
            key(p, item.id()),
            new DemoAnswer(p, item.id(), code, importanceOf.get(p.id()), written(code, spelling)));
      }
    }
    List<DemoAnswer> answers = new ArrayList<>(byKey.values());
    answers.sort(Comparator.comparingInt((DemoAnswer a) -> a.participant().number()));
    return List.copyOf(answers);
  }

  /** Who answers what: some skip a whole domain, some the odd item. */
  private Set<String> answeredItems(List<DemoParticipant> participants) {
    RandomGenerator random = seeds.stream("responses/missing");
    Set<String> answered = new HashSet<>();
    for (DemoParticipant p : participants) {
      String skippedDomain =
          Draw.chance(random, design.missingness().domainSkipped())
              ? Draw.pick(random, study.domains()).id()
              : null;
      for (Study.Item item : study.items()) {
        boolean skipped =
            item.domain().equals(skippedDomain)
                || Draw.chance(random, design.missingness().itemSkipped());
        if (!skipped) {
          answered.add(key(p, item.id()));
        }
      }
    }
    return answered;
  }

  private int[] allocate(
      List<DemoParticipant> units,
      java.util.function.Function<DemoParticipant, double[]> target,
      String purpose) {
    List<double[]> targets = units.stream().map(target).toList();
    List<int[]> strata =
        units.stream()
            .map(p ->
                new int[] {
                  design.cases().indexOf(p.caseDesign()),
                  design.stakeholderGroups().indexOf(p.group())
                })
            .toList();
    int[] counts = {design.cases().size(), design.stakeholderGroups().size()};
    return BalancedAllocator.allocate(
        targets, strata, counts, seeds.stream("responses/" + purpose));
  }

  /** The weights for one participant: the item's base, overridden by each matching rule in turn. */
  private Map<String, Double> resolve(
      DemoDesign.ItemModel model, DemoParticipant p, boolean happening) {
    Map<String, Double> weights = happening ? model.happening() : model.importance();
    Map<String, String> attributes = p.attributes(design.stakeholderGroupAttribute());
    for (DemoDesign.Rule rule : model.rules()) {
      boolean matches =
          rule.when().entrySet().stream()
              .allMatch(c -> c.getValue().contains(attributes.get(c.getKey())));
      Map<String, Double> override = happening ? rule.happening() : rule.importance();
      if (matches && override != null) {
        weights = override;
      }
    }
    return weights;
  }

  private static double[] weights(Map<String, Double> weights, List<String> categories) {
    for (String key : weights.keySet()) {
      if (!categories.contains(key)) {
        throw new IllegalStateException("design.yml: unknown answer '" + key + "' in " + weights);
      }
    }
    return categories.stream().mapToDouble(c -> weights.getOrDefault(c, 0.0)).toArray();
  }

  private List<String> importanceValues() {
    List<String> values = new ArrayList<>();
    for (int v = study.importance().min(); v <= study.importance().max(); v++) {
      values.add(String.valueOf(v));
    }
    return values;
  }

  private String written(String code, RandomGenerator random) {
    List<String> others = design.missingness().spellings().getOrDefault(code, List.of());
    if (!others.isEmpty() && Draw.chance(random, design.missingness().otherSpelling())) {
      return Draw.pick(random, others);
    }
    return code;
  }

  private static String key(DemoParticipant p, String itemId) {
    return p.id() + "/" + itemId;
  }
}
