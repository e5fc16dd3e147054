package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads hits and facets out of a search response. Stateless. */
final class ExtractHits {

  private ExtractHits() {}

  /**
   * A hit with Elasticsearch's highlights of the words as typed, plus marks on words sharing a stem
   * with them; no highlights when nothing could be marked (or no words were given).
   */
  static ExtractHit toHit(Hit<ExtractSource> hit, AnalyzedQuery words) {
    ExtractSource source = hit.source();
    List<MarkedText> highlights = new ArrayList<>();
    if (!words.isEmpty()) {
      List<String> fragments = hit.highlight().getOrDefault("text", List.of());
      if (fragments.isEmpty()) {
        fragments = List.of(source.text() == null ? "" : source.text());
      }
      for (String fragment : fragments) {
        MarkedText marked = StemMarker.mark(MarkedText.parse(fragment), words.markStems());
        if (marked.hasMarks()) {
          highlights.add(marked);
        }
      }
    }
    return of(hit.id(), hit.score(), source, highlights);
  }

  /** An extract as read from the index, nothing marked. */
  static ExtractHit unmarked(String id, ExtractSource source) {
    return of(id, null, source, List.of());
  }

  private static ExtractHit of(
      String id, Double score, ExtractSource source, List<MarkedText> highlights) {
    return new ExtractHit(
        id,
        score,
        source.text(),
        highlights,
        highlights.stream().flatMap(h -> Kwic.of(h).stream()).toList(),
        source.participantId(),
        source.caseId(),
        source.speakerRole(),
        source.attributes(),
        source.categories(),
        source.themes(),
        source.sourceFile(),
        orZero(source.startOffset()),
        orZero(source.endOffset()),
        orZero(source.turnIndex()),
        source.sourceKind(),
        source.workshopId());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  static Facet toFacet(FacetDimension dimension, Aggregate aggregate, ExtractQuery query) {
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
