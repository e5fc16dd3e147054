package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link ExtractQuery} into an Elasticsearch search request: the words as
 * simple_query_strings (see {@link #words}) with the filters, highlights on {@code text}, by page
 * number or after a cursor in a point in time; and beside it the counts: the total and one filtered
 * terms aggregation per dimension. Immutable and thread-safe.
 */
final class ExtractSearchRequests {

  static final String FACET_PREFIX = "facet_";
  static final String VALUES = "values";
  static final String TOTAL = "total";

  /**
   * Enough for every case, category or attribute value of a study this size, small enough to stay
   * cheap.
   */
  static final int FACET_SIZE = 200;

  /** Hits per request of an export. */
  static final int EXPORT_PAGE = 1_000;

  /** How long a point in time stays open between two pages of a deep pagination. */
  static final String PIT_KEEP_ALIVE = "2m";

  // The whole segment comes back highlighted (no fragmenting): segments are a few sentences, and an
  // analyst judges a quote by reading all of it.
  private static final Highlight HIGHLIGHT =
      Highlight.of(h ->
          h.fields(
              NamedValue.of(
                  "text",
                  HighlightField.of(f ->
                      f.preTags(MarkedText.START).postTags(MarkedText.END).numberOfFragments(0)))));

  private final String index;
  private final SearchDimensions dimensions;

  ExtractSearchRequests(String index, SearchDimensions dimensions) {
    this.index = index;
    this.dimensions = dimensions;
  }

  /**
   * The hits of one page: by number (from/size on the alias) or, with a cursor, after its last hit
   * in its point in time; no counts (see {@link #counts}).
   */
  SearchRequest build(ExtractQuery query, AnalyzedQuery words, SearchCursor cursor) {
    checkDimensions(query);
    return SearchRequest.of(s -> {
      s.query(matching(query, words))
          .highlight(HIGHLIGHT)
          .sort(order(query.sort()))
          .size(query.size())
          .trackTotalHits(t -> t.enabled(false))
          .source(src -> src.filter(f -> f.includes(ExtractSource.FIELDS)));
      if (cursor != null) {
        s.pit(p -> p.id(cursor.pit()).keepAlive(k -> k.time(PIT_KEEP_ALIVE)))
            .searchAfter(cursor.sortValues());
      } else {
        s.index(index).from(query.from());
      }
      return s;
    });
  }

  /**
   * The hit count and one aggregation per facet dimension, without hits. Having no hits, it is
   * answered from Elasticsearch's shard request cache until the index next changes, so turning
   * pages, the same search by another analyst and a facet ticked back cost a lookup, not a count.
   */
  SearchRequest counts(ExtractQuery query, AnalyzedQuery words) {
    checkDimensions(query);
    Map<String, Aggregation> aggregations = facets(query);
    aggregations.put(TOTAL, Aggregation.of(a -> a.filter(filters(query, null))));
    return SearchRequest.of(s ->
        s.index(index)
            .query(words(words))
            .aggregations(aggregations)
            .size(0)
            .trackTotalHits(t -> t.enabled(false))
            .requestCache(true));
  }

  /** The words and, in one query, the selected filters. */
  private Query matching(ExtractQuery query, AnalyzedQuery words) {
    return query.hasFilters()
        ? Query.of(q -> q.bool(b -> b.must(words(words)).filter(filters(query, null))))
        : words(words);
  }

  /** Every hit of a search in reading order, a page at a time, for export: no facets, no marks. */
  SearchRequest export(ExtractQuery query, AnalyzedQuery words, String pit, SearchCursor after) {
    checkDimensions(query);
    return SearchRequest.of(s -> {
      s.query(matching(query, words))
          .pit(p -> p.id(pit).keepAlive(k -> k.time(PIT_KEEP_ALIVE)))
          .sort(order(query.sort()))
          .size(EXPORT_PAGE)
          .trackTotalHits(t -> t.enabled(false))
          .source(src -> src.filter(f -> f.includes(ExtractSource.FIELDS)));
      if (after != null) {
        s.searchAfter(after.sortValues());
      }
      return s;
    });
  }

  private void checkDimensions(ExtractQuery query) {
    for (String dimension : query.filters().keySet()) {
      // A filter on a dimension the study lacks would otherwise be dropped silently.
      if (dimensions.find(dimension).isEmpty()) {
        throw new IllegalArgumentException(
            "no facet dimension '" + dimension + "': use one of " + dimensions.ids());
      }
    }
  }

  /**
   * The stems decide what matches: every word must match (AND) through its lemma's stem, so
   * "supervising" finds "supervision"; {@code -}, quotes and {@code |} work as in a web search. The
   * words as typed, over {@code text} (and {@code text.english} where the cluster has it) and
   * {@code lemmas}, only rank: an extract with the very words comes first, and they are what
   * Elasticsearch highlights.
   */
  static Query words(AnalyzedQuery words) {
    if (words.isEmpty()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    Query typed =
        Query.of(q ->
            q.simpleQueryString(s ->
                s.query(words.raw())
                    .fields("text^3", "text.english^2", "lemmas^1.5")
                    .defaultOperator(Operator.And)
                    .lenient(true)));
    if (words.stems().isBlank()) {
      return typed;
    }
    Query stems =
        Query.of(q ->
            q.simpleQueryString(s ->
                s.query(words.stems())
                    .fields("stems")
                    .defaultOperator(Operator.And)
                    .lenient(true)));
    return Query.of(q -> q.bool(b -> b.must(stems).should(typed)));
  }

  /** All selected filters except those of the dimension {@code except} (null: none excepted). */
  Query filters(ExtractQuery query, String except) {
    List<Query> terms =
        dimensions.all().stream()
            .filter(d -> !d.id().equals(except) && !query.selected(d.id()).isEmpty())
            .map(d ->
                Query.of(q ->
                    q.terms(t ->
                        t.field(d.field())
                            .terms(v ->
                                v.value(
                                    query.selected(d.id()).stream()
                                        .map(FieldValue::of)
                                        .toList())))))
            .toList();
    if (terms.isEmpty()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.filter(terms)));
  }

  /**
   * One aggregation per dimension, each filtered by every other dimension's selection: the usual
   * multi-select facet, where ticking a value does not hide its siblings.
   */
  private Map<String, Aggregation> facets(ExtractQuery query) {
    Map<String, Aggregation> aggregations = new LinkedHashMap<>();
    for (FacetDimension d : dimensions.all()) {
      aggregations.put(
          FACET_PREFIX + d.id(),
          Aggregation.of(a ->
              a.filter(filters(query, d.id()))
                  .aggregations(
                      VALUES, t -> t.terms(terms -> terms.field(d.field()).size(FACET_SIZE)))));
    }
    return aggregations;
  }

  // A unique last key keeps paging stable when scores or cases tie.
  private static List<SortOptions> order(SearchSort sort) {
    return switch (sort) {
      case RELEVANCE ->
          List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), ascending("id"));
      case CASE ->
          List.of(
              ascending("caseId"),
              ascending("participantId"),
              ascending("turnIndex"),
              ascending("id"));
    };
  }

  private static SortOptions ascending(String field) {
    return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
  }
}
