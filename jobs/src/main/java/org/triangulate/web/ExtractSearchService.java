package org.triangulate.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.study.Study;

/**
 * Searches the study's extracts through the {@code <study>-extracts} alias: words, facet filters
 * and counts, highlights, from/size paging. Shared by the search page and the REST API. Stateless
 * apart from immutable request templates; thread-safe.
 */
@Service
public class ExtractSearchService {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractSearchService.class);

  private final ElasticsearchClient client;
  private final String alias;
  private final SearchDimensions dimensions;
  private final ExtractSearchRequests requests;

  public ExtractSearchService(ElasticsearchClient client, Study study) {
    this.client = client;
    this.alias = ExtractIndexMapping.alias(study.name());
    this.dimensions = SearchDimensions.forStudy(study);
    this.requests = new ExtractSearchRequests(alias, dimensions);
  }

  public SearchDimensions dimensions() {
    return dimensions;
  }

  /** The alias searched, e.g. {@code demo-extracts}. */
  public String alias() {
    return alias;
  }

  /**
   * @throws SearchUnavailableException when Elasticsearch is unreachable, the index does not exist
   *     yet or the search fails
   */
  public ExtractSearchResult search(ExtractQuery query) {
    SearchResponse<ExtractSource> response;
    try {
      response = client.search(requests.build(query), ExtractSource.class);
    } catch (ElasticsearchException e) {
      // Logged without the query: an analyst's words may quote a transcript.
      LOG.warn("Search on {} failed with status {}: {}", alias, e.status(), e.error().type());
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
    long total =
        response.hits().total() == null
            ? response.hits().hits().size()
            : response.hits().total().value();
    List<ExtractHit> hits =
        response.hits().hits().stream().map(ExtractSearchService::toHit).toList();
    List<Facet> facets =
        dimensions.all().stream()
            .map(d ->
                toFacet(
                    d,
                    response.aggregations().get(ExtractSearchRequests.FACET_PREFIX + d.id()),
                    query))
            .toList();
    return new ExtractSearchResult(total, query.page(), query.size(), hits, facets);
  }

  private static ExtractHit toHit(Hit<ExtractSource> hit) {
    ExtractSource source = hit.source();
    List<MarkedText> highlights =
        hit.highlight().getOrDefault("text", List.of()).stream().map(MarkedText::parse).toList();
    return new ExtractHit(
        hit.id(),
        hit.score(),
        source.text(),
        highlights,
        source.participantId(),
        source.caseId(),
        source.speakerRole(),
        source.attributes(),
        source.categories(),
        source.themes());
  }

  private static Facet toFacet(FacetDimension dimension, Aggregate aggregate, ExtractQuery query) {
    List<Facet.Bucket> buckets = new ArrayList<>();
    Set<String> selected = new LinkedHashSet<>(query.selected(dimension.id()));
    Aggregate values = aggregate.filter().aggregations().get(ExtractSearchRequests.VALUES);
    // An attribute added to study.yml after the index was built is unmapped there: no sterms, no
    // buckets.
    List<StringTermsBucket> terms =
        values.isSterms() ? values.sterms().buckets().array() : List.of();
    for (StringTermsBucket b : terms) {
      String value = b.key().stringValue();
      buckets.add(
          new Facet.Bucket(
              value, dimension.valueLabel(value), b.docCount(), selected.remove(value)));
    }
    // A ticked value the other filters leave no extracts for still shows, so it can be unticked.
    selected.forEach(v -> buckets.add(new Facet.Bucket(v, dimension.valueLabel(v), 0, true)));
    return new Facet(dimension.id(), dimension.label(), buckets);
  }
}
