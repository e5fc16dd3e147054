package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finds one extract in the index (with the search's words marked) and the segments before and after
 * it in its transcript, also from the index: the search server reads nothing from the staged store,
 * so it never holds the store open beside a night. Speakers show by role only. Thread-safe.
 */
@Service
public class ExtractContextService {

  /** Most turns either side a caller may ask for. */
  public static final int MAX_TURNS = 10;

  private static final Highlight HIGHLIGHT =
      Highlight.of(h ->
          h.fields(
              NamedValue.of(
                  "text",
                  HighlightField.of(f ->
                      f.preTags(MarkedText.START).postTags(MarkedText.END).numberOfFragments(0)))));

  private final ExtractSearchService search;

  public ExtractContextService(ExtractSearchService search) {
    this.search = search;
  }

  /** The extract and up to {@code turns} segments either side; empty when no such extract. */
  public Optional<ExtractContext> find(String id, String words, int turns) {
    AnalyzedQuery analyzed = search.analyze(words);
    Query byId = Query.of(q -> q.ids(i -> i.values(id)));
    SearchResponse<ExtractSource> response =
        search.call(() ->
            search
                .client()
                .search(
                    s ->
                        s.index(search.alias())
                            .query(
                                analyzed.isEmpty()
                                    ? byId
                                    : Query.of(q ->
                                        q.bool(b ->
                                            b.filter(byId)
                                                .should(ExtractSearchRequests.words(analyzed)))))
                            .highlight(HIGHLIGHT)
                            .source(src -> src.filter(f -> f.includes(ExtractSource.FIELDS))),
                    ExtractSource.class));
    if (response.hits().hits().isEmpty()) {
      return Optional.empty();
    }
    ExtractHit extract = ExtractHits.toHit(response.hits().hits().getFirst(), analyzed);
    int n = Math.max(0, Math.min(turns, MAX_TURNS));
    if (extract.sourceFile() == null || n == 0) {
      return Optional.of(new ExtractContext(extract, List.of(), List.of(), true));
    }
    List<ExtractContext.Turn> before = neighbours(extract, n, false);
    return Optional.of(
        new ExtractContext(extract, before.reversed(), neighbours(extract, n, true), true));
  }

  /**
   * Up to {@code n} segments of the extract's source next to it, nearest first: from the index, so
   * they are de-identified as the extract is and of the same night.
   */
  private List<ExtractContext.Turn> neighbours(ExtractHit extract, int n, boolean after) {
    Query sameSource =
        Query.of(q -> q.term(t -> t.field("sourceFile").value(extract.sourceFile())));
    Query side =
        Query.of(q ->
            q.range(r ->
                r.number(num -> {
                  num.field("startOffset");
                  return after
                      ? num.gt((double) extract.startOffset())
                      : num.lt((double) extract.startOffset());
                })));
    SearchResponse<ExtractSource> response =
        search.call(() ->
            search
                .client()
                .search(
                    s ->
                        s.index(search.alias())
                            .query(q -> q.bool(b -> b.filter(sameSource, side)))
                            .sort(o ->
                                o.field(f ->
                                    f.field("startOffset")
                                        .order(after ? SortOrder.Asc : SortOrder.Desc)))
                            .size(n)
                            .source(src -> src.filter(f -> f.includes(ExtractSource.FIELDS))),
                    ExtractSource.class));
    List<ExtractContext.Turn> turns = new ArrayList<>();
    for (Hit<ExtractSource> hit : response.hits().hits()) {
      ExtractSource s = hit.source();
      turns.add(
          new ExtractContext.Turn(
              hit.id(),
              s.speakerRole(),
              s.turnIndex() == null ? 0 : s.turnIndex(),
              s.startOffset() == null ? 0 : s.startOffset(),
              s.endOffset() == null ? 0 : s.endOffset(),
              s.text()));
    }
    return turns;
  }
}
