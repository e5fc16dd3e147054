package org.triangulate.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every document id behind an index or alias, paged with {@code search_after} (a plain search stops
 * at 10,000 hits; the demo has more), after a refresh. Asserts the ids seen equal the total count.
 */
public final class IndexedIds {

  private IndexedIds() {}

  /**
   * Every document behind an index or alias as its source fields by id, without {@code runId}
   * (which run wrote a document is not its content), paged like {@link #of}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Map<String, Map<String, Object>> documents(
      ElasticsearchClient client, String indexOrAlias) throws IOException {
    client.indices().refresh(r -> r.index(indexOrAlias));
    Map<String, Map<String, Object>> documents = new TreeMap<>();
    List<FieldValue> after = List.of();
    long total = 0;
    while (true) {
      List<FieldValue> from = after;
      var response =
          client.search(
              s -> {
                s.index(indexOrAlias)
                    .size(2_000)
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field("id")));
                return from.isEmpty() ? s : s.searchAfter(from);
              },
              Map.class);
      total = response.hits().total().value();
      var hits = response.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      for (var hit : hits) {
        Map<String, Object> source = new TreeMap<>((Map<String, Object>) hit.source());
        source.remove("runId");
        documents.put(hit.id(), source);
      }
      after = hits.getLast().sort();
    }
    assertThat((long) documents.size())
        .as("documents seen vs total hits of " + indexOrAlias)
        .isEqualTo(total);
    return documents;
  }

  public static Set<String> of(ElasticsearchClient client, String indexOrAlias) throws IOException {
    client.indices().refresh(r -> r.index(indexOrAlias));
    Set<String> ids = new HashSet<>();
    List<FieldValue> after = List.of();
    long total = 0;
    while (true) {
      List<FieldValue> from = after;
      var response =
          client.search(
              s -> {
                s.index(indexOrAlias)
                    .size(5_000)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field("id")));
                return from.isEmpty() ? s : s.searchAfter(from);
              },
              Void.class);
      total = response.hits().total().value();
      var hits = response.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      hits.forEach(h -> ids.add(h.id()));
      after = hits.getLast().sort();
    }
    assertThat((long) ids.size()).as("ids seen vs total hits of " + indexOrAlias).isEqualTo(total);
    return ids;
  }
}
