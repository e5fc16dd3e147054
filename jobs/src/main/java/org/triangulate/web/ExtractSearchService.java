package org.triangulate.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.triangulate.align.AlignmentModelException;
import org.triangulate.align.Embedders;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.study.Study;

/**
 * Searches the study's extracts through the {@code <study>-extracts} alias: words (lemmatised and
 * stemmed, see {@link QueryAnalyzer}), facet filters and counts, highlights and keyword-in-context
 * lines, paging by number or, past the from/size window, by cursor in a point in time; by meaning,
 * from the words' sentence vector or an extract's own ("more like this"). Shared by the search
 * page, the REST API and the CSV export. Thread-safe.
 */
@Service
public class ExtractSearchService {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractSearchService.class);

  private final ElasticsearchClient client;
  private final String alias;
  private final SearchDimensions dimensions;
  private final ExtractSearchRequests requests;
  private final QueryAnalyzer analyzer;
  private final MeaningVectors meanings;

  @Autowired
  public ExtractSearchService(
      ElasticsearchClient client, Study study, QueryAnalyzer analyzer, MeaningVectors meanings) {
    this.client = client;
    this.alias = ExtractIndexMapping.alias(study.name());
    this.dimensions = SearchDimensions.forStudy(study);
    this.requests = new ExtractSearchRequests(alias, dimensions);
    this.analyzer = analyzer;
    this.meanings = meanings;
  }

  /** With the study's sentence model, loaded when a search by meaning first needs it. */
  public ExtractSearchService(ElasticsearchClient client, Study study, QueryAnalyzer analyzer) {
    this(client, study, analyzer, new MeaningVectors(new Embedders(study)));
  }

  public SearchDimensions dimensions() {
    return dimensions;
  }

  /** The alias searched, e.g. {@code demo-extracts}. */
  public String alias() {
    return alias;
  }

  ElasticsearchClient client() {
    return client;
  }

  ExtractSearchRequests requests() {
    return requests;
  }

  AnalyzedQuery analyze(String words) {
    return analyzer.analyze(words);
  }

  /**
   * @throws SearchUnavailableException when Elasticsearch is unreachable, the index does not exist
   *     yet or the search fails
   * @throws BadSearchRequestException when the cursor is not this search's or has expired
   */
  public ExtractSearchResult search(ExtractQuery query) {
    AnalyzedQuery words = analyzer.analyze(query.text());
    MeaningVectors.Liked liked = liked(query);
    float[] meaning = meaningOf(query, liked);
    SearchCursor cursor =
        query.cursor() == null ? null : SearchCursor.decode(query.cursor(), query.searchKey());
    MsearchResponse<ExtractSource> responses =
        call(() -> {
          SearchCursor at = cursor;
          if (at != null && at.pit() == null) {
            String pit =
                client
                    .openPointInTime(p ->
                        p.index(alias).keepAlive(k -> k.time(ExtractSearchRequests.PIT_KEEP_ALIVE)))
                    .id();
            at = at.withPit(pit);
          }
          return client.msearch(requests.page(query, words, meaning, at), ExtractSource.class);
        });
    MultiSearchItem<ExtractSource> response =
        result(responses.responses().get(ExtractSearchRequests.HITS));
    MultiSearchItem<ExtractSource> counts =
        result(responses.responses().get(ExtractSearchRequests.COUNTS));
    long total = counts.aggregations().get(ExtractSearchRequests.TOTAL).filter().docCount();
    List<Hit<ExtractSource>> raw = response.hits().hits();
    long offset = cursor == null ? query.from() : cursor.offset();
    String next = null;
    if (!raw.isEmpty() && offset + raw.size() < total) {
      String pit = response.pitId();
      next =
          SearchCursor.after(pit, raw.getLast().sort(), offset + raw.size(), query.searchKey())
              .encode();
    } else if (response.pitId() != null) {
      String pit = response.pitId();
      call(() -> client.closePointInTime(c -> c.id(pit)));
    }
    List<ExtractHit> hits = raw.stream().map(h -> ExtractHits.toHit(h, words)).toList();
    List<Facet> facets =
        dimensions.all().stream()
            .map(d ->
                ExtractHits.toFacet(
                    d,
                    counts.aggregations().get(ExtractSearchRequests.FACET_PREFIX + d.id()),
                    query))
            .toList();
    return new ExtractSearchResult(
        total,
        query.page(),
        query.size(),
        offset,
        hits,
        facets,
        next,
        responses.took(),
        liked == null ? null : ExtractHits.unmarked(liked.id(), liked.source()));
  }

  /**
   * The vector a search by meaning starts from (the liked extract's, or the words'), or null for a
   * search by words.
   *
   * @throws SearchUnavailableException when the sentence model cannot load or fails
   */
  float[] meaningOf(ExtractQuery query, MeaningVectors.Liked liked) {
    if (liked != null) {
      return liked.vector();
    }
    if (!query.byMeaning()) {
      return null;
    }
    try {
      return meanings.ofWords(query.text());
    } catch (AlignmentModelException e) {
      throw new SearchUnavailableException(
          "Search by meaning is unavailable: " + e.getMessage() + ". Search by words still works.",
          e);
    }
  }

  /** The liked extract of a "more like this" query, or null. */
  MeaningVectors.Liked liked(ExtractQuery query) {
    return query.like() == null ? null : meanings.ofExtract(this, query.like());
  }

  /** One search of a multi-search, its failure reported as if it had been sent alone. */
  private MultiSearchItem<ExtractSource> result(MultiSearchResponseItem<ExtractSource> item) {
    if (item.isFailure()) {
      return call(() -> {
        throw new ElasticsearchException("msearch", item.failure());
      });
    }
    return item.result();
  }

  interface EsCall<T> {
    T run() throws IOException;
  }

  /** Runs a request, turning Elasticsearch's failures into messages an analyst can act on. */
  <T> T call(EsCall<T> call) {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      // Logged without the query: an analyst's words may quote a transcript.
      LOG.warn("Search on {} failed with status {}: {}", alias, e.status(), e.error().type());
      if (e.status() == 404 && "search_context_missing_exception".equals(e.error().type())) {
        throw new BadSearchRequestException(
            List.of("cursor: has expired (kept 2 minutes between pages); start the search again"));
      }
      if (e.status() == 404) {
        throw new SearchUnavailableException(
            "There is no extracts index '"
                + alias
                + "' yet: run the nightly job once (./triangulate run).",
            e);
      }
      throw new SearchUnavailableException(
          "Elasticsearch could not run the search: " + e.getMessage(), e);
    } catch (IOException e) {
      LOG.warn("Search on {} failed: Elasticsearch is not reachable: {}", alias, e.toString());
      throw new SearchUnavailableException("Elasticsearch is not reachable: " + e.getMessage(), e);
    }
  }
}
