package org.triangulate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks planted.yml's claims against the answers by plain counting: shares, means and standard
 * deviations by hand, Cramér's V from the chi-square statistic's textbook formula. Returns one line
 * per claim that does not hold. Stateless.
 */
final class PlantedClaims {

  private PlantedClaims() {}

  /** Every claim checked, for every item it names: "pattern/item: statistic ... = value". */
  static List<String> failures(
      Map<String, Object> pattern, List<DemoInputs.Answer> answers, List<String> checked) {
    List<String> failures = new ArrayList<>();
    for (Object c : list(pattern.get("claims"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> claim = (Map<String, Object>) c;
      List<Object> items = list(claim.getOrDefault("items", pattern.get("items")));
      for (Object item : items) {
        List<DemoInputs.Answer> rows =
            answers.stream().filter(a -> a.itemId().equals(item)).filter(where(claim)).toList();
        String label = pattern.get("id") + "/" + item + ": " + claim;
        checked.add(label);
        String failure = check(claim, rows);
        if (failure != null) {
          failures.add(label + " -> " + failure);
        }
      }
    }
    return failures;
  }

  private static String check(Map<String, Object> claim, List<DemoInputs.Answer> rows) {
    String statistic = (String) claim.get("statistic");
    if (statistic.equals("cramers_v")) {
      double v = cramersV(rows, (String) claim.get("grouping"));
      return within(claim, v) ? null : "V = " + v;
    }
    if (claim.containsKey("each")) {
      Map<String, Double> values = byGroup(statistic, claim, rows, (String) claim.get("each"));
      boolean ok = values.values().stream().allMatch(v -> within(claim, v));
      return ok && !values.isEmpty() ? null : values.toString();
    }
    if (claim.containsKey("grouping")) {
      Map<String, Double> values = byGroup(statistic, claim, rows, (String) claim.get("grouping"));
      double by = number(claim.get("by"));
      boolean ok;
      if (claim.containsKey("higher")) {
        ok = values.get(claim.get("higher")) - values.get(claim.get("lower")) >= by;
      } else if (claim.containsKey("highest")) {
        double top = values.get(claim.get("highest"));
        ok =
            values.entrySet().stream()
                .filter(e -> !e.getKey().equals(claim.get("highest")))
                .allMatch(e -> top - e.getValue() >= by);
      } else {
        double bottom = values.get(claim.get("lowest"));
        ok =
            values.entrySet().stream()
                .filter(e -> !e.getKey().equals(claim.get("lowest")))
                .allMatch(e -> e.getValue() - bottom >= by);
      }
      return ok ? null : values.toString();
    }
    double value = statistic(statistic, claim, rows);
    return within(claim, value) ? null : "value = " + value;
  }

  private static Map<String, Double> byGroup(
      String statistic, Map<String, Object> claim, List<DemoInputs.Answer> rows, String grouping) {
    Map<String, Double> values = new TreeMap<>();
    for (String group : new TreeSet<>(rows.stream().map(a -> a.who().get(grouping)).toList())) {
      values.put(
          group,
          statistic(
              statistic,
              claim,
              rows.stream().filter(a -> a.who().get(grouping).equals(group)).toList()));
    }
    return values;
  }

  static double statistic(
      String statistic, Map<String, Object> claim, List<DemoInputs.Answer> rows) {
    List<Integer> importance =
        rows.stream().map(DemoInputs.Answer::importance).filter(Objects::nonNull).toList();
    return switch (statistic) {
      case "in_place_share" -> {
        long yes = count(rows, "yes");
        long substantive = yes + count(rows, "partly") + count(rows, "no");
        yield (double) yes / substantive;
      }
      case "yes_share" -> (double) count(rows, "yes") / rows.size();
      case "answer_share" -> (double) count(rows, (String) claim.get("answer")) / rows.size();
      case "importance_mean" -> importance.stream().mapToInt(i -> i).average().orElseThrow();
      case "importance_sd" -> {
        double mean = importance.stream().mapToInt(i -> i).average().orElseThrow();
        double squares = importance.stream().mapToDouble(i -> (i - mean) * (i - mean)).sum();
        yield Math.sqrt(squares / (importance.size() - 1));
      }
      case "low_importance_share" ->
          (double) importance.stream().filter(i -> i <= 2).count() / importance.size();
      case "high_importance_share" ->
          (double) importance.stream().filter(i -> i >= 3).count() / importance.size();
      default -> throw new IllegalArgumentException("planted.yml: unknown statistic " + statistic);
    };
  }

  /** Cramér's V of group × answer: sqrt(chi² / (n (min(r, c) − 1))). */
  static double cramersV(List<DemoInputs.Answer> rows, String grouping) {
    List<String> groups =
        new ArrayList<>(new TreeSet<>(rows.stream().map(a -> a.who().get(grouping)).toList()));
    List<String> answers =
        new ArrayList<>(new TreeSet<>(rows.stream().map(DemoInputs.Answer::happening).toList()));
    double n = rows.size();
    double chiSquare = 0;
    for (String g : groups) {
      long inGroup = rows.stream().filter(a -> a.who().get(grouping).equals(g)).count();
      for (String h : answers) {
        long withAnswer = count(rows, h);
        long observed =
            rows.stream()
                .filter(a -> a.who().get(grouping).equals(g) && a.happening().equals(h))
                .count();
        double expected = inGroup * withAnswer / n;
        chiSquare += (observed - expected) * (observed - expected) / expected;
      }
    }
    return Math.sqrt(chiSquare / (n * (Math.min(groups.size(), answers.size()) - 1)));
  }

  private static Predicate<DemoInputs.Answer> where(Map<String, Object> claim) {
    @SuppressWarnings("unchecked")
    Map<String, List<String>> where =
        (Map<String, List<String>>) claim.getOrDefault("where", Map.of());
    return a ->
        where.entrySet().stream().allMatch(w -> w.getValue().contains(a.who().get(w.getKey())));
  }

  private static boolean within(Map<String, Object> claim, double value) {
    return !Double.isNaN(value)
        && (!claim.containsKey("min") || value >= number(claim.get("min")))
        && (!claim.containsKey("max") || value <= number(claim.get("max")));
  }

  private static long count(List<DemoInputs.Answer> rows, String answer) {
    return rows.stream().filter(a -> a.happening().equals(answer)).count();
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
