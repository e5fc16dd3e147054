package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.index.ExtractIndexMapping;

/**
 * Turns an {@link ExtractQuery} into Elasticsearch requests: for a page, the hits (the words as
 * simple_query_strings, see {@link #words}, with the filters and highlights on {@code text}, by
 * page number or after a cursor in a point in time) and beside them the counts (the total and one
 * filtered terms aggregation per dimension); for an export, every hit in turn. A search by meaning
 * is given its start's vector and adds the extracts nearest it ({@link #wordsOrNearest}). Immutable
 * and thread-safe.
 */
final class ExtractSearchRequests {

  static final String FACET_PREFIX = "facet_";
  static final String VALUES = "values";
  static final String TOTAL = "total";

  /** Where a {@link #page} request's hits and counts are among its responses. */
  static final int HITS = 0;

  static final int COUNTS = 1;

  /**
   * Enough for every case, category or attribute value of a study this size, small enough to stay
   * cheap.
   */
  static final int FACET_SIZE = 200;

  /** Hits per request of an export. */
  static final int EXPORT_PAGE = 1_000;

  /**
   * How many extracts a search by meaning takes as near in meaning, besides the words' matches: the
   * first five pages, more than an analyst reads of a ranking by similarity.
   */
  static final int NEAREST = 100;

  /**
   * Candidates the approximate kNN search gathers per shard (at least {@link #NEAREST}): the
   * search's cost grows with them, and with 400 the p95 of searches by meaning was three times that
   * with 150 (bench/search-load).
   */
  static final int CANDIDATES = 150;

  /** How long a point in time stays open between two pages of a deep pagination. */
  static final String PIT_KEEP_ALIVE = "2m";

  private final String index;
  private final SearchDimensions dimensions;

  ExtractSearchRequests(String index, SearchDimensions dimensions) {
    this.index = index;
    this.dimensions = dimensions;
  }

  /**
   * One page of a search in one round trip: its hits ({@link #HITS}) and its counts ({@link
   * #COUNTS}). Elasticsearch runs the two side by side; the counts, having no hits, come from its
   * shard request cache until the index next changes, so turning pages, the same search by another
   * analyst and a facet ticked back cost a lookup, not a count.
   */
  MsearchRequest page(
      ExtractQuery query, AnalyzedQuery words, float[] meaning, SearchCursor cursor) {
    checkDimensions(query);
    RequestItem hits =
        RequestItem.of(r -> {
          // In a point in time the index is the point in time's, named in the body.
          r.header(h -> cursor == null ? h.index(index) : h);
          return r.body(b -> {
            b.query(matching(query, words, meaning))
                .sort(order(query.sort()))
                .size(query.size())
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(ExtractSource.FIELDS)));
            if (!words.isEmpty()) {
              b.highlight(highlight(words));
            }
            if (cursor != null) {
              b.pit(p -> p.id(cursor.pit()).keepAlive(k -> k.time(PIT_KEEP_ALIVE)))
                  .searchAfter(cursor.sortValues());
            } else {
              b.from(query.from());
            }
            return b;
          });
        });
    Map<String, Aggregation> aggregations = facets(query);
    aggregations.put(TOTAL, Aggregation.of(a -> a.filter(filters(query, null))));
    RequestItem counts =
        RequestItem.of(r ->
            r.header(h -> h.index(index).requestCache(true))
                .body(b ->
                    b.query(meaning == null ? words(words) : wordsOrNearest(query, words, meaning))
                        .aggregations(aggregations)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(false))));
    return MsearchRequest.of(m -> m.searches(hits, counts));
  }

  /**
   * The whole segment comes back highlighted (no fragmenting): segments are a few sentences, and an
   * analyst judges a quote by reading all of it. The highlighter is given only the words as typed
   * over {@code text}, the one part of the query that can mark {@code text}: given the whole query
   * it builds matchers for every clause on every hit, which under load was more than half of
   * Elasticsearch's work for a search.
   */
  private static Highlight highlight(AnalyzedQuery words) {
    return Highlight.of(h ->
        h.highlightQuery(allWords(words.raw(), "text"))
            .fields(
                NamedValue.of(
                    "text",
                    HighlightField.of(f ->
                        f.preTags(MarkedText.START)
                            .postTags(MarkedText.END)
                            .numberOfFragments(0)))));
  }

  /**
   * The words and, in one query, the selected filters; by meaning ({@code meaning} not null), the
   * words' matches or the extracts nearest the meaning, in the filters.
   */
  private Query matching(ExtractQuery query, AnalyzedQuery words, float[] meaning) {
    if (meaning != null) {
      Query either = wordsOrNearest(query, words, meaning);
      return query.hasFilters()
          ? Query.of(q -> q.bool(b -> b.must(either).filter(filters(query, null))))
          : either;
    }
    return query.hasFilters()
        ? Query.of(q -> q.bool(b -> b.must(words(words)).filter(filters(query, null))))
        : words(words);
  }

  /**
   * By meaning: an extract matches when it has the words (as {@link #words}) or is among the {@link
   * #NEAREST} extracts nearest {@code meaning} within the selected filters; the liked extract
   * itself never does. Both clauses score and Elasticsearch adds the scores: the words' BM25 score
   * and the kNN score, (1 + cosine) / 2, at most 1. A match of the words, whose BM25 score is
   * mostly several times that, ranks above the extracts found by meaning alone, and among matches
   * of the words the nearer in meaning ranks higher.
   */
  Query wordsOrNearest(ExtractQuery query, AnalyzedQuery words, float[] meaning) {
    List<Query> within = new ArrayList<>();
    Query notLiked =
        query.like() == null ? null : Query.of(q -> q.ids(i -> i.values(query.like())));
    if (query.hasFilters()) {
      within.add(filters(query, null));
    }
    if (notLiked != null) {
      within.add(Query.of(q -> q.bool(b -> b.mustNot(notLiked))));
    }
    List<Float> vector = new ArrayList<>(meaning.length);
    for (float x : meaning) {
      vector.add(x);
    }
    Query nearest =
        Query.of(q ->
            q.knn(k ->
                k.field(ExtractIndexMapping.VECTOR)
                    .queryVector(vector)
                    .k(NEAREST)
                    .numCandidates(CANDIDATES)
                    .filter(within)));
    return Query.of(q ->
        q.bool(b -> {
          b.should(nearest).minimumShouldMatch("1");
          if (!words.isEmpty()) {
            b.should(words(words));
          }
          if (notLiked != null) {
            b.mustNot(notLiked);
          }
          return b;
        }));
  }

  /** Every hit of a search in reading order, a page at a time, for export: no facets, no marks. */
  SearchRequest export(
      ExtractQuery query, AnalyzedQuery words, float[] meaning, String pit, SearchCursor after) {
    checkDimensions(query);
    return SearchRequest.of(s -> {
      s.query(matching(query, words, meaning))
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
    Query typed = allWords(words.raw(), "text^3", "text.english^2", "lemmas^1.5");
    if (words.stems().isBlank()) {
      return typed;
    }
    return Query.of(q -> q.bool(b -> b.must(allWords(words.stems(), "stems")).should(typed)));
  }

  /** {@code words} in simple_query_string syntax over {@code fields}, every word required. */
  private static Query allWords(String words, String... fields) {
    return Query.of(q ->
        q.simpleQueryString(s ->
            s.query(words).fields(List.of(fields)).defaultOperator(Operator.And).lenient(true)));
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
