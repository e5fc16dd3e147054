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
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

  private static final int CANDIDATES = 50;

  /** Word-set Jaccard similarity from which two extracts say nearly the same thing. */
  private static final double NEAR_DUPLICATE = 0.6;

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
    private final List<Quote> quotes = new ArrayList<>();

    boolean admits(Quote quote) {
      return !participants.contains(quote.participantId()) && !nearDuplicateOfAny(quote, quotes);
    }

    void add(Quote quote) {
      participants.add(quote.participantId());
      quotes.add(quote);
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
    List<Quote> candidates = candidates(categories, itemText, grouping, group, caseId);
    List<Quote> chosen = new ArrayList<>();
    Set<String> cases = new HashSet<>();
    // Two passes: first one quote per case, then fill from cases already quoted.
    for (boolean newCasesOnly : new boolean[] {true, false}) {
      for (Quote quote : candidates) {
        if (chosen.size() == study.quotes().perGroupMax()) {
          return chosen;
        }
        if (!section.admits(quote) || (newCasesOnly && cases.contains(quote.caseId()))) {
          continue;
        }
        chosen.add(quote);
        cases.add(quote.caseId());
        section.add(quote);
      }
    }
    return chosen;
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
                  d.endOffset()));
        }
      }
      return quotes;
    } catch (IOException e) {
      throw new UncheckedIOException("quote search failed: " + e.getMessage(), e);
    }
  }

  private static boolean nearDuplicateOfAny(Quote quote, List<Quote> chosen) {
    Set<String> words = words(quote.text());
    return chosen.stream().anyMatch(other -> jaccard(words, words(other.text())) >= NEAR_DUPLICATE);
  }

  private static Set<String> words(String text) {
    return new LinkedHashSet<>(
        Arrays.asList(text.toLowerCase(java.util.Locale.ROOT).split("\\W+")));
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 0 : (double) both.size() / union.size();
  }
}
