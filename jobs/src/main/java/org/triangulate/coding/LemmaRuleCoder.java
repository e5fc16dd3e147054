package org.triangulate.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Codebook;

/**
 * Applies the codebook's rules ({@link Codebook.Rule}) to a segment's lemmas and speaker role. A
 * rule's terms are lemmas or lemma phrases matched as whole-token sequences; windows count tokens.
 * Each coding's provenance is {@code rule:<rule id>} with the terms that matched. Rules are the
 * codebook's words, never the code's. Immutable and thread-safe.
 */
public final class LemmaRuleCoder {

  public static final String PROVENANCE_PREFIX = "rule:";

  private record CategoryRule(String category, Codebook.Rule rule) {}

  /** Tokens {@code [start, end)} where a term occurs. */
  private record Occurrence(String term, int start, int end) {}

  /** A segment's lemmas and where each lemma occurs, built once per segment. */
  private record Tokens(String[] lemmas, Map<String, List<Integer>> positions) {
    static Tokens of(String[] lemmas) {
      Map<String, List<Integer>> positions = new HashMap<>();
      for (int i = 0; i < lemmas.length; i++) {
        positions.computeIfAbsent(lemmas[i], l -> new ArrayList<>()).add(i);
      }
      return new Tokens(lemmas, positions);
    }
  }

  private final List<CategoryRule> rules;

  // Compiled once: String.split compiles its pattern at every call, for every rule and segment.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public LemmaRuleCoder(Codebook codebook) {
    this.rules =
        codebook
            .categories()
            .flatMap(c -> c.codingRules().stream().map(r -> new CategoryRule(c.id(), r)))
            .toList();
  }

  /** Codings of a participant's segment. */
  public List<Coding> code(String segmentId, String lemmas) {
    return code(segmentId, SpeakerRole.PARTICIPANT, lemmas);
  }

  /** Codings of a segment in English, in codebook order (categories, then their rules). */
  public List<Coding> code(String segmentId, SpeakerRole role, String lemmas) {
    return code(segmentId, role, lemmas, "en");
  }

  /**
   * Codings of a segment annotated in {@code language}, in codebook order: rules naming another
   * language are left out.
   */
  public List<Coding> code(String segmentId, SpeakerRole role, String lemmas, String language) {
    String flat = lemmas.strip().toLowerCase(Locale.ROOT);
    Tokens tokens = Tokens.of(flat.isEmpty() ? new String[0] : WHITESPACE.split(flat));
    List<Coding> codings = new ArrayList<>();
    for (CategoryRule categoryRule : rules) {
      Codebook.Rule rule = categoryRule.rule();
      if (!appliesTo(rule, role) || !rule.appliesToLanguage(language)) {
        continue;
      }
      List<String> matched = match(rule, tokens);
      if (!matched.isEmpty()) {
        codings.add(
            new Coding(segmentId, categoryRule.category(), PROVENANCE_PREFIX + rule.id(), matched));
      }
    }
    return codings;
  }

  private static boolean appliesTo(Codebook.Rule rule, SpeakerRole role) {
    return Codebook.Rule.ANY_SPEAKER.equals(rule.speaker()) || role.code().equals(rule.speaker());
  }

  /** The rule's terms that matched, in the rule's order; empty when the rule does not match. */
  private static List<String> match(Codebook.Rule rule, Tokens tokens) {
    List<Occurrence> excluded = new ArrayList<>();
    rule.exclude().forEach(term -> excluded.addAll(occurrences(term, tokens)));
    Integer excludeWindow = rule.excludeWindow() != null ? rule.excludeWindow() : rule.window();
    List<List<Occurrence>> groups = new ArrayList<>();
    if (!rule.anyOf().isEmpty()) {
      List<Occurrence> any = new ArrayList<>();
      rule.anyOf().forEach(term -> any.addAll(usable(term, tokens, excluded, excludeWindow)));
      groups.add(any);
    }
    rule.allOf().forEach(term -> groups.add(usable(term, tokens, excluded, excludeWindow)));
    if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    int[] span =
        rule.window() == null ? new int[] {0, tokens.lemmas().length} : span(groups, rule.window());
    if (span == null) {
      return List.of();
    }
    Set<String> matched = new LinkedHashSet<>();
    for (String term : concat(rule.anyOf(), rule.allOf())) {
      for (List<Occurrence> group : groups) {
        for (Occurrence o : group) {
          if (o.term().equals(term) && o.start() >= span[0] && o.end() <= span[1]) {
            matched.add(term);
          }
        }
      }
    }
    return List.copyOf(matched);
  }

  /** The first token span of {@code window} tokens that holds an occurrence of every group. */
  private static int[] span(List<List<Occurrence>> groups, int window) {
    List<Occurrence> all = new ArrayList<>();
    groups.forEach(all::addAll);
    all.sort(java.util.Comparator.comparingInt(Occurrence::start));
    for (Occurrence first : all) {
      int start = first.start();
      int end = start + window;
      boolean everyGroup =
          groups.stream()
              .allMatch(g -> g.stream().anyMatch(o -> o.start() >= start && o.end() <= end));
      if (everyGroup) {
        return new int[] {start, end};
      }
    }
    return null;
  }

  /** A term's occurrences that no exclusion term vetoes. */
  private static List<Occurrence> usable(
      String term, Tokens tokens, List<Occurrence> excluded, Integer excludeWindow) {
    return occurrences(term, tokens).stream()
        .filter(o -> excluded.stream().noneMatch(x -> vetoes(x, o, excludeWindow)))
        .toList();
  }

  /**
   * An exclusion term vetoes an occurrence whose nearest token is at most {@code window} tokens
   * away (neighbours are one apart; an overlap is zero); with no window, anywhere in the segment.
   */
  private static boolean vetoes(Occurrence exclusion, Occurrence occurrence, Integer window) {
    if (window == null) {
      return true;
    }
    int distance;
    if (exclusion.end() <= occurrence.start()) {
      distance = occurrence.start() - exclusion.end() + 1;
    } else if (occurrence.end() <= exclusion.start()) {
      distance = exclusion.start() - occurrence.end() + 1;
    } else {
      distance = 0;
    }
    return distance <= window;
  }

  private static List<Occurrence> occurrences(String term, Tokens tokens) {
    String[] words = WHITESPACE.split(term.strip().toLowerCase(Locale.ROOT));
    String[] lemmas = tokens.lemmas();
    List<Occurrence> found = new ArrayList<>();
    for (int i : tokens.positions().getOrDefault(words[0], List.of())) {
      boolean all = i + words.length <= lemmas.length;
      for (int w = 1; w < words.length && all; w++) {
        all = lemmas[i + w].equals(words[w]);
      }
      if (all) {
        found.add(new Occurrence(term, i, i + words.length));
      }
    }
    return found;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
