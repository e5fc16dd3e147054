package org.triangulate.synthesis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Finds quotes for one row of a joint display: participant segments aligned to the row's item
 * ({@link org.triangulate.align}) by corroborated or clear evidence, in the row's group, strongest
 * alignment first and each answer of the row in proportion, then chosen for diversity — at most one
 * per participant per pattern, new cases before repeated ones, no near-duplicates within the
 * section, within the study's length bounds. Thread-safe; the caller passes one {@link Section} per
 * pattern.
 */
public class QuoteFinder {

  /** Aligned extracts fetched per group at most (an item's extracts in one group are fewer). */
  private static final int MAX_CANDIDATES = 5000;

  /**
   * Share of the shorter extract's word triples found in the other: from here, a near-duplicate.
   */
  static final double NEAR_DUPLICATE = 0.3;

  private final ElasticsearchClient client;
  private final JdbcTemplate jdbc;
  private final Study study;

  public QuoteFinder(ElasticsearchClient client, JdbcTemplate jdbc, Study study) {
    this.client = client;
    this.jdbc = jdbc;
    this.study = study;
  }

  /**
   * What one pattern's section has quoted so far: no participant is quoted twice in a section, and
   * no quote nearly repeats another one of it. Mutable; one per section, one thread.
   */
  public static final class Section {
    private final Set<String> participants = new HashSet<>();
    private final List<Set<String>> quotedShingles = new ArrayList<>();

    boolean quoted(Quote quote) {
      return participants.contains(quote.participantId());
    }

    boolean repeats(Set<String> shingles) {
      return nearDuplicateOfAny(shingles, quotedShingles);
    }

    void add(Quote quote) {
      add(quote, shingles(quote.text()));
    }

    private void add(Quote quote, Set<String> shingles) {
      participants.add(quote.participantId());
      quotedShingles.add(shingles);
    }
  }

  /**
   * Quotes for one row: extracts aligned to the item at the study's quote threshold, from the row's
   * group (and case), strongest alignment first, each with its speaker's own answer to the item;
   * when the row's answers are split, voices of each answer in rough proportion to it.
   *
   * @param row the row's statistics (its answer shares), or null to take quotes by score alone
   * @param caseId only quotes from this case (a feedback pack), or null for every case
   * @param section what the pattern's section has quoted so far; the chosen quotes are added
   */
  public List<Quote> find(
      String itemId,
      ItemGroupStats row,
      String grouping,
      String group,
      String caseId,
      Section section) {
    List<Quote> candidates = candidates(itemId, grouping, group, caseId);
    return choose(inProportion(candidates, row), section);
  }

  /**
   * Candidates reordered so that the first ones give each answer A its share of the row's quotes
   * (largest remainder over yes, partly, no), each answer's strongest first; then the rest, as
   * ranked. Speakers without a substantive answer come after.
   */
  List<Quote> inProportion(List<Quote> ranked, ItemGroupStats row) {
    if (row == null || row.n() == 0) {
      return ranked;
    }
    List<Happening> sides = List.of(Happening.YES, Happening.PARTLY, Happening.NO);
    int slots = study.quotes().perGroupMax();
    Map<Happening, Integer> targets = new EnumMap<>(Happening.class);
    double sum = 0;
    for (Happening h : sides) {
      sum += nan0(row.pct(h));
    }
    final double total = sum;
    if (total <= 0) {
      return ranked;
    }
    List<Happening> byRemainder = new ArrayList<>();
    int given = 0;
    for (Happening h : sides) {
      double exact = slots * nan0(row.pct(h)) / total;
      targets.put(h, (int) Math.floor(exact));
      given += (int) Math.floor(exact);
      byRemainder.add(h);
    }
    byRemainder.sort(
        Comparator.comparingDouble((Happening h) ->
                -(slots * nan0(row.pct(h)) / total - Math.floor(slots * nan0(row.pct(h)) / total)))
            .thenComparing(h -> h.ordinal()));
    for (int i = 0; given < slots && i < byRemainder.size(); i++, given++) {
      targets.merge(byRemainder.get(i), 1, Integer::sum);
    }
    List<Quote> first = new ArrayList<>();
    for (Happening h : sides) {
      ranked.stream()
          .filter(q -> h.code().equals(q.speakerAnswer()))
          .limit(targets.get(h))
          .forEach(first::add);
    }
    List<Quote> ordered = new ArrayList<>(first);
    ranked.stream().filter(q -> !first.contains(q)).forEach(ordered::add);
    return ordered;
  }

  private static double nan0(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** Picks up to the study's quotes per group from candidates in rank order, for diversity. */
  List<Quote> choose(List<Quote> candidates, Section section) {
    List<Quote> chosen = new ArrayList<>();
    List<Set<String>> chosenShingles = new ArrayList<>();
    Set<String> cases = new HashSet<>();
    // Each candidate's word triples are worked out once, not again for every quote compared.
    Map<Quote, Set<String>> shingles = new IdentityHashMap<>();
    // First one quote per case, then more from cases already quoted; a near-repeat of a quote
    // elsewhere in the section is taken only when the group would otherwise have no voice.
    for (Pass pass : Pass.values()) {
      for (Quote quote : candidates) {
        if (chosen.size() == study.quotes().perGroupMax()
            || (pass == Pass.ANY_IF_NONE && !chosen.isEmpty())) {
          return chosen;
        }
        if (section.quoted(quote) || (pass == Pass.NEW_CASES && cases.contains(quote.caseId()))) {
          continue;
        }
        Set<String> own = shingles.computeIfAbsent(quote, q -> shingles(q.text()));
        if (nearDuplicateOfAny(own, chosenShingles)
            || (pass != Pass.ANY_IF_NONE && section.repeats(own))) {
          continue;
        }
        chosen.add(quote);
        chosenShingles.add(own);
        cases.add(quote.caseId());
        section.add(quote, own);
      }
    }
    return chosen;
  }

  private enum Pass {
    NEW_CASES,
    ANY_CASE,
    ANY_IF_NONE
  }

  /** What the store says about an item: aligned extracts and each speaker's answer. */
  private record Aligned(double score, String provenance) {}

  private record SpeakerAnswer(String happening, Integer importance) {}

  private List<Quote> candidates(String itemId, String grouping, String group, String caseId) {
    Map<String, Aligned> aligned = new HashMap<>();
    jdbc.query(
        "select segment_id, score, provenance from item_alignment"
            + " where study = ? and item_id = ? and score >= ?",
        rs -> {
          if (corroboratedOrClear(
              rs.getDouble(2), rs.getString(3), study.quotes().uncorroboratedMinScore())) {
            aligned.put(rs.getString(1), new Aligned(rs.getDouble(2), rs.getString(3)));
          }
        },
        study.name(),
        itemId,
        study.alignment().quoteMinScore());
    if (aligned.isEmpty()) {
      return List.of();
    }
    Map<String, SpeakerAnswer> answers = new HashMap<>();
    jdbc.query(
        "select participant_id, happening, importance from response where study = ? and item_id = ?",
        rs -> {
          int importance = rs.getInt(3);
          answers.put(
              rs.getString(1),
              new SpeakerAnswer(rs.getString(2), rs.wasNull() ? null : importance));
        },
        study.name(),
        itemId);
    String groupField =
        ItemGroupStats.CASE.equals(grouping)
            ? "caseId"
            : ExtractIndexMapping.attributeField(grouping);
    List<String> ids = aligned.keySet().stream().sorted().toList();
    Query query =
        Query.of(q ->
            q.bool(b ->
                b.filter(f ->
                        f.term(t -> t.field("speakerRole").value(ExtractDocument.PARTICIPANT_ROLE)))
                    .filter(f -> f.ids(i -> i.values(ids)))
                    .filter(f -> f.term(t -> t.field(groupField).value(group)))
                    .filter(f ->
                        caseId == null
                            ? f.matchAll(m -> m)
                            : f.term(t -> t.field("caseId").value(caseId)))));
    try {
      SearchResponse<ExtractDocument> response =
          client.search(
              s ->
                  s.index(ExtractIndexMapping.alias(study.name()))
                      .query(query)
                      .size(Math.min(ids.size(), MAX_CANDIDATES)),
              ExtractDocument.class);
      List<Quote> quotes = new ArrayList<>();
      for (Hit<ExtractDocument> hit : response.hits().hits()) {
        ExtractDocument d = hit.source();
        Aligned a = aligned.get(hit.id());
        if (d != null
            && a != null
            && d.text().length() >= study.quotes().minChars()
            && d.text().length() <= study.quotes().maxChars()) {
          SpeakerAnswer answer = answers.get(d.participantId());
          quotes.add(
              new Quote(
                  hit.id(),
                  d.text(),
                  d.participantId(),
                  d.caseId(),
                  d.attributes(),
                  d.categories(),
                  d.sourceFile(),
                  d.startOffset(),
                  d.endOffset(),
                  d.language(),
                  answer == null ? null : answer.happening(),
                  answer == null ? null : answer.importance(),
                  a.score(),
                  a.provenance()));
        }
      }
      // Strongest alignment first; equal scores by id, so the same store gives the same quotes.
      quotes.sort(
          Comparator.comparingDouble((Quote q) -> -q.alignmentScore())
              .thenComparing(Quote::extractId));
      return quotes;
    } catch (IOException e) {
      throw new UncheckedIOException("quote search failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether an alignment is strong enough to quote: backed by two kinds of evidence (the question
   * and the turn's own meaning, or either and a coding of a category naming the item), or by one
   * kind with a margin of at least {@code uncorroboratedMinScore}. A workshop reads a quote as
   * evidence for its row; a narrow margin that nothing else confirms is most often a neighbouring
   * item the model hardly tells apart, or an answer that had left the section's topic.
   *
   * @param provenance the alignment's evidence, comma separated
   */
  static boolean corroboratedOrClear(
      double score, String provenance, double uncorroboratedMinScore) {
    return score >= uncorroboratedMinScore
        || (provenance != null && provenance.split(",").length > 1);
  }

  /**
   * Near-duplicates share most of their word triples: at least {@value #NEAR_DUPLICATE} of the
   * shorter one's (participants retelling one story in the same words, or one passage quoted
   * twice).
   */
  static boolean nearDuplicateOfAny(Set<String> shingles, List<Set<String>> others) {
    for (Set<String> other : others) {
      if (overlap(shingles, other) >= NEAR_DUPLICATE) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> shingles(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      shingles.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    }
    return shingles;
  }

  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    int shared = 0;
    for (String shingle : smaller) {
      if (larger.contains(shingle)) {
        shared++;
      }
    }
    return (double) shared / smaller.size();
  }
}
