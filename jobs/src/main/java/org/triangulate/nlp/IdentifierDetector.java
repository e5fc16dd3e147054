package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.triangulate.study.Study;

/**
 * Finds the identifying details of a transcript, from six sources, in this order of trust: patterns
 * ({@link IdentifierPatterns}); the study's lists (each case's organisation names and places, local
 * places, staff names; matched ignoring case); speaker labels that are names; places and
 * organisations named by their form ({@link HeadedNames}: "Fernhill Ward"); CoreNLP NER ({@code
 * PERSON}, {@code LOCATION}/{@code CITY}/{@code STATE_OR_PROVINCE}, {@code ORGANIZATION}, minus the
 * study's {@code keep} words) and the names NER found elsewhere in the study ({@link KnownNames},
 * matched as written); runs of capitalised words without a head whose first word the transcript
 * never writes in lower case ({@link HeadedNames#unheaded}: "Compass Peer Support"). Overlapping
 * finds merge into one identifier of the most trusted kind, so a name is never half replaced. A
 * first name alone that is the first name of exactly one full name in the same transcript is a
 * person there too (as written), and takes that full name's key, so "Imran" and "Imran Patel" share
 * a pseudonym in that transcript. Immutable and thread-safe.
 */
public final class IdentifierDetector {

  private static final Map<String, IdentifierKind> NER_KINDS =
      Map.ofEntries(
          Map.entry("PERSON", IdentifierKind.PERSON),
          Map.entry("LOCATION", IdentifierKind.PLACE),
          Map.entry("CITY", IdentifierKind.PLACE),
          Map.entry("STATE_OR_PROVINCE", IdentifierKind.PLACE),
          Map.entry("ORGANIZATION", IdentifierKind.ORGANISATION),
          // The IO labels of the French 4-class model (person, location, organisation, misc).
          Map.entry("I-PER", IdentifierKind.PERSON),
          Map.entry("I-LOC", IdentifierKind.PLACE),
          Map.entry("I-ORG", IdentifierKind.ORGANISATION));

  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

  private final java.util.function.Function<String, List<Identifier>> patterns;
  private final List<ListedTerm> listed = new ArrayList<>();
  private final Set<String> keep;
  private final HeadedNames headed;

  /**
   * A listed term, and the longest of its words as case-insensitive matching folds it: a text that
   * does not contain that word cannot match, and most texts hold few of the study's terms.
   */
  private record ListedTerm(
      Pattern pattern, String foldedWord, IdentifierKind kind, String caseId) {}

  /** With the identifier patterns of the United Kingdom. */
  public IdentifierDetector(Study.Deidentification config) {
    this(config, List.of("GB"));
  }

  /**
   * With the identifier patterns of {@code countries} (ISO 3166 codes: {@code GB}, {@code FR};
   * e-mail addresses in any).
   */
  public IdentifierDetector(Study.Deidentification config, List<String> countries) {
    this.patterns = CountryIdentifierPatterns.of(countries);
    config
        .cases()
        .forEach((caseId, names) -> {
          names.names().forEach(n -> listed.add(term(n, IdentifierKind.CASE, caseId)));
          names.places().forEach(p -> listed.add(term(p, IdentifierKind.PLACE, null)));
        });
    config.places().forEach(p -> listed.add(term(p, IdentifierKind.PLACE, null)));
    config.people().forEach(p -> listed.add(term(p, IdentifierKind.PERSON, null)));
    this.keep = config.keep().stream().map(NameKey::of).collect(Collectors.toUnmodifiableSet());
    this.headed = new HeadedNames(config.nameHeads(), keep);
  }

  /**
   * The term's words with any run of whitespace between them, a leading "the" optional. The
   * shortcut's word is the longest of the words a match must hold, so never that optional "the".
   */
  private static ListedTerm term(String term, IdentifierKind kind, String caseId) {
    List<String> words = List.of(term.strip().split("\\s+"));
    boolean the = words.size() > 1 && words.getFirst().equalsIgnoreCase("the");
    List<String> required = the ? words.subList(1, words.size()) : words;
    String pattern =
        (the ? "(?:the\\s+)?" : "")
            + required.stream().map(Pattern::quote).collect(Collectors.joining("\\s+"));
    String longestWord = required.stream().max(Comparator.comparingInt(String::length)).orElse("");
    return new ListedTerm(
        Pattern.compile(
            NOT_WORD_BEFORE + pattern + NOT_WORD_AFTER,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        folded(longestWord),
        kind,
        caseId);
  }

  /**
   * Each code point as {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE} compares
   * it: lower case of upper case. Two characters that match there fold alike here (a few that fold
   * alike do not match there, which only costs a search).
   */
  static String folded(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }

  /**
   * The names NER found in {@code text} that are worth looking for elsewhere, and the own first
   * words of the places and organisations named by their form ("Northvale" of "Northvale NHS
   * Foundation Trust"), which people also say alone.
   */
  public void collectNames(String text, List<EntityMention> mentions, KnownNames into) {
    for (EntityMention mention : mentions) {
      IdentifierKind kind = NER_KINDS.get(mention.type());
      String name = text.substring(mention.start(), mention.end());
      if (kind != null && !kept(name)) {
        into.add(kind, name);
      }
    }
    for (HeadedNames.Found word : headed.distinctiveFirstWords(text, headed.find(text))) {
      into.add(word.kind(), text.substring(word.start(), word.end()));
    }
  }

  /**
   * The identifiers of {@code text}: non-overlapping, in text order. {@code labelNames} are the
   * transcript's speaker labels that are names (each is a person wherever written so).
   */
  public List<Identifier> detect(
      String text, List<EntityMention> mentions, KnownNames known, Collection<String> labelNames) {
    List<List<Identifier>> byTrust = new ArrayList<>();
    byTrust.add(patterns.apply(text));
    byTrust.add(listed(text));
    List<Identifier> labels = new ArrayList<>();
    labelNames.forEach(
        n -> labels.addAll(asWritten(text, new WrittenNames(List.of(n)), IdentifierKind.PERSON)));
    byTrust.add(labels);
    List<Identifier> byForm = new ArrayList<>();
    for (HeadedNames.Found found : headed.find(text)) {
      byForm.add(
          new Identifier(
              found.start(),
              found.end(),
              found.kind(),
              NameKey.of(text.substring(found.start(), found.end()))));
    }
    byTrust.add(byForm);
    List<Identifier> named = new ArrayList<>();
    for (EntityMention mention : mentions) {
      IdentifierKind kind = NER_KINDS.get(mention.type());
      String name = text.substring(mention.start(), mention.end());
      if (kind != null && !kept(name)) {
        named.add(new Identifier(mention.start(), mention.end(), kind, NameKey.of(name)));
      }
    }
    for (IdentifierKind kind :
        List.of(IdentifierKind.PERSON, IdentifierKind.PLACE, IdentifierKind.ORGANISATION)) {
      named.addAll(asWritten(text, known.written(kind), kind));
    }
    named.addAll(NameContext.titledNames(text));
    byTrust.add(named);
    byTrust.add(
        headed.unheaded(text).stream()
            .map(f ->
                new Identifier(
                    f.start(), f.end(), f.kind(), NameKey.of(text.substring(f.start(), f.end()))))
            .toList());
    List<Identifier> merged = merge(text, byTrust);
    byTrust.add(asWritten(text, new WrittenNames(firstNames(text, merged)), IdentifierKind.PERSON));
    return linkFirstNames(NameContext.withNumbers(text, withSurnames(text, merge(text, byTrust))));
  }

  // A capitalised word (or a particle and one: Ó Súilleabháin, Mac Giolla, van Dijk) on the same
  // line.
  private static final Pattern SURNAME =
      Pattern.compile(
          "\\G[ \\t]+(?:(?:Ó|Ní|Nic|Mac|Mc|Ua|de|del|della|di|da|van|von|der|le|la|al|el|bin|ibn)[ \\t]+)?"
              + "\\p{Lu}[\\p{L}'’-]*\\p{Ll}[\\p{L}'’-]*");

  /**
   * A first name alone that NER or a list found, followed by a capitalised word, is taken with it:
   * NER often stops at a surname it does not know (Ó Súilleabháin), which would leave the surname
   * standing.
   */
  private List<Identifier> withSurnames(String text, List<Identifier> identifiers) {
    List<Identifier> out = new ArrayList<>();
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier id = identifiers.get(i);
      if (id.kind() == IdentifierKind.PERSON
          && !text.substring(id.start(), id.end()).contains(" ")) {
        Matcher m = SURNAME.matcher(text);
        m.region(id.end(), text.length());
        int nextStart = i + 1 < identifiers.size() ? identifiers.get(i + 1).start() : text.length();
        if (m.lookingAt() && m.end() <= nextStart && !kept(m.group().strip())) {
          id =
              new Identifier(
                  id.start(), m.end(), id.kind(), NameKey.of(text.substring(id.start(), m.end())));
        }
      }
      out.add(id);
    }
    return out;
  }

  /** The first names, as written, of the full names of people among {@code identifiers}. */
  private static Set<String> firstNames(String text, List<Identifier> identifiers) {
    Set<String> firstNames = new java.util.TreeSet<>();
    for (Identifier id : identifiers) {
      if (id.kind() == IdentifierKind.PERSON) {
        String[] words = text.substring(id.start(), id.end()).split("\\s+");
        // NER takes a title in ("Madame Hélène Dubreuil"): the first name comes after it.
        if (words.length > 2 && NameContext.isTitle(words[0])) {
          words = java.util.Arrays.copyOfRange(words, 1, words.length);
        }
        if (words.length > 1
            && words[0].length() > 1
            && Character.isUpperCase(words[0].charAt(0))) {
          firstNames.add(words[0]);
        }
      }
    }
    return firstNames;
  }

  /** Whether the study keeps {@code name}: NER or a speaker label took it for a name wrongly. */
  boolean kept(String name) {
    return keep.contains(NameKey.of(name));
  }

  private List<Identifier> listed(String text) {
    List<Identifier> found = new ArrayList<>();
    String folded = folded(text);
    for (ListedTerm term : listed) {
      if (!folded.contains(term.foldedWord())) {
        continue;
      }
      Matcher m = term.pattern().matcher(text);
      while (m.find()) {
        String key = term.kind() == IdentifierKind.CASE ? term.caseId() : NameKey.of(m.group());
        found.add(new Identifier(m.start(), m.end(), term.kind(), key));
      }
    }
    return found;
  }

  /**
   * Whole-word occurrences of the names exactly as written (case matters: "Rose" is not "rose").
   */
  private List<Identifier> asWritten(String text, WrittenNames names, IdentifierKind kind) {
    List<Identifier> found = new ArrayList<>();
    for (WrittenNames.Found find : names.find(text)) {
      String name = text.substring(find.start(), find.end());
      if (!kept(name)) {
        found.add(new Identifier(find.start(), find.end(), kind, NameKey.of(name)));
      }
    }
    return found;
  }

  /**
   * Overlapping finds become one identifier spanning them all, of the most trusted kind among them
   * (earlier list first, then the longer find); names take the key of the whole span.
   */
  private static List<Identifier> merge(String text, List<List<Identifier>> byTrust) {
    List<Ranked> all = new ArrayList<>();
    for (int trust = 0; trust < byTrust.size(); trust++) {
      for (Identifier id : byTrust.get(trust)) {
        all.add(new Ranked(id, trust));
      }
    }
    all.sort(
        Comparator.comparingInt((Ranked r) -> r.id().start()).thenComparingInt(r -> -r.id().end()));
    List<Identifier> merged = new ArrayList<>();
    int i = 0;
    while (i < all.size()) {
      Ranked best = all.get(i);
      int start = best.id().start();
      int end = best.id().end();
      int j = i + 1;
      while (j < all.size() && all.get(j).id().start() < end) {
        Ranked next = all.get(j);
        end = Math.max(end, next.id().end());
        if (next.trust() < best.trust()
            || (next.trust() == best.trust() && next.id().length() > best.id().length())) {
          best = next;
        }
        j++;
      }
      Identifier id = best.id();
      boolean name =
          id.kind() == IdentifierKind.PERSON
              || id.kind() == IdentifierKind.PLACE
              || id.kind() == IdentifierKind.ORGANISATION;
      String key = name ? NameKey.of(text.substring(start, end)) : id.key();
      merged.add(new Identifier(start, end, id.kind(), key));
      i = j;
    }
    return merged;
  }

  private record Ranked(Identifier id, int trust) {}

  private static List<Identifier> linkFirstNames(List<Identifier> identifiers) {
    Map<String, List<String>> fullNamesByFirst = new HashMap<>();
    identifiers.stream()
        .filter(id -> id.kind() == IdentifierKind.PERSON && id.key().contains(" "))
        .map(Identifier::key)
        .distinct()
        .forEach(full ->
            fullNamesByFirst
                .computeIfAbsent(full.substring(0, full.indexOf(' ')), k -> new ArrayList<>())
                .add(full));
    return identifiers.stream()
        .map(id -> {
          List<String> full = fullNamesByFirst.getOrDefault(id.key(), List.of());
          return id.kind() == IdentifierKind.PERSON && full.size() == 1
              ? new Identifier(id.start(), id.end(), id.kind(), full.getFirst())
              : id;
        })
        .toList();
  }
}
