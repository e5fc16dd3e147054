package org.triangulate.synthesis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.study.Study;

/**
 * Finds quotes for one row of a joint display: participant segments coded to the pattern's
 * categories, in the row's group, ranked by relevance to the item's wording, then chosen for
 * diversity — at most one per participant per pattern, new cases before repeated ones, no
 * near-duplicates within the section, within the study's length bounds. Thread-safe; the caller
 * passes one {@link Section} per pattern.
 */
public class QuoteFinder {

  /** Ranked extracts fetched per group; those outside the length bounds are dropped after. */
  private static final int CANDIDATES = 100;

  /**
   * Share of the shorter extract's word triples found in the other: from here, a near-duplicate.
   */
  static final double NEAR_DUPLICATE = 0.3;

  private final ElasticsearchClient client;
  private final Study study;

  public QuoteFinder(ElasticsearchClient client, Study study) {
    this.client = client;
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
   * @param caseId only quotes from this case (a feedback pack), or null for every case
   * @param section what the pattern's section has quoted so far; the chosen quotes are added
   */
  public List<Quote> find(
      List<String> categories,
      String itemText,
      String grouping,
      String group,
      String caseId,
      Section section) {
    if (categories.isEmpty()) {
      return List.of();
    }
    return choose(candidates(categories, itemText, grouping, group, caseId), section);
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

  private List<Quote> candidates(
      List<String> categories, String itemText, String grouping, String group, String caseId) {
    String groupField =
        ItemGroupStats.CASE.equals(grouping)
            ? "caseId"
            : ExtractIndexMapping.attributeField(grouping);
    Query query =
        Query.of(q ->
            q.bool(b ->
                b.filter(f ->
                        f.term(t -> t.field("speakerRole").value(ExtractDocument.PARTICIPANT_ROLE)))
                    .filter(f ->
                        f.terms(t ->
                            t.field("categories")
                                .terms(v ->
                                    v.value(categories.stream().map(FieldValue::of).toList()))))
                    .filter(f -> f.term(t -> t.field(groupField).value(group)))
                    .filter(f ->
                        caseId == null
                            ? f.matchAll(m -> m)
                            : f.term(t -> t.field("caseId").value(caseId)))
                    // Ranks by the item's wording without excluding extracts that use other words.
                    .should(s ->
                        s.simpleQueryString(m ->
                            m.query(itemText)
                                .fields("text", "lemmas")
                                .defaultOperator(Operator.Or)))));
    try {
      SearchResponse<ExtractDocument> response =
          client.search(
              // Equal scores are ordered by id, so the same index gives the same quotes.
              s ->
                  s.index(ExtractIndexMapping.alias(study.name()))
                      .query(query)
                      .size(CANDIDATES)
                      .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                      .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
              ExtractDocument.class);
      List<Quote> quotes = new ArrayList<>();
      for (Hit<ExtractDocument> hit : response.hits().hits()) {
        ExtractDocument d = hit.source();
        if (d != null
            && d.text().length() >= study.quotes().minChars()
            && d.text().length() <= study.quotes().maxChars()) {
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
                  d.language()));
        }
      }
      return quotes;
    } catch (IOException e) {
      throw new UncheckedIOException("quote search failed: " + e.getMessage(), e);
    }
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
