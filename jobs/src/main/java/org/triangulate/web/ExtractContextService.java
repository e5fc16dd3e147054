package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.triangulate.study.Study;

/**
 * Finds one extract in the index (with the search's words marked) and the segments before and after
 * it in its transcript, read from the staged store's de-identified text (written by the de-identify
 * step, beside the text as transcribed). Speakers show by role only. Thread-safe.
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
  private final JdbcTemplate jdbc;
  private final String study;

  public ExtractContextService(ExtractSearchService search, JdbcTemplate jdbc, Study study) {
    this.search = search;
    this.jdbc = jdbc;
    this.study = study.name();
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
    List<ExtractContext.Turn> segments =
        jdbc.query(
            "select segment_id, speaker_role, turn_index, start_offset, end_offset, deidentified_body"
                + " from segment where study = ? and source_id = ? and deidentified_body is not null"
                + " order by start_offset",
            (rs, i) ->
                new ExtractContext.Turn(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getString(6)),
            study,
            extract.sourceFile());
    int at = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).id().equals(id)) {
        at = i;
      }
    }
    if (at < 0) {
      return Optional.of(new ExtractContext(extract, List.of(), List.of(), false));
    }
    int n = Math.max(0, Math.min(turns, MAX_TURNS));
    return Optional.of(
        new ExtractContext(
            extract,
            new ArrayList<>(segments.subList(Math.max(0, at - n), at)),
            new ArrayList<>(segments.subList(at + 1, Math.min(segments.size(), at + 1 + n))),
            true));
  }
}
