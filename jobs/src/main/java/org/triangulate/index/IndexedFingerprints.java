package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the id and fingerprint of every document of an index, in pages through a point in time with
 * {@code search_after}, so it sees one consistent view however large the index is. Stateless.
 */
public final class IndexedFingerprints {

  private static final int PAGE = 5_000;

  private record FingerprintOnly(String fingerprint) {}

  private IndexedFingerprints() {}

  /** Fingerprint by document id; an empty string for documents indexed without one. */
  public static Map<String, String> of(ElasticsearchClient client, String index) {
    try {
      String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time("2m"))).id();
      Map<String, String> fingerprints = new HashMap<>();
      try {
        List<FieldValue> after = null;
        while (true) {
          List<FieldValue> from = after;
          SearchResponse<FingerprintOnly> page =
              client.search(
                  s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m")))
                        .size(PAGE)
                        .sort(
                            SortOptions.of(
                                o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))))
                        .source(src -> src.filter(f -> f.includes("fingerprint")))
                        .trackTotalHits(t -> t.enabled(false));
                    if (from != null) {
                      s.searchAfter(from);
                    }
                    return s;
                  },
                  FingerprintOnly.class);
          List<Hit<FingerprintOnly>> hits = page.hits().hits();
          for (Hit<FingerprintOnly> hit : hits) {
            String fingerprint = hit.source() == null ? null : hit.source().fingerprint();
            fingerprints.put(hit.id(), fingerprint == null ? "" : fingerprint);
          }
          if (hits.size() < PAGE) {
            return fingerprints;
          }
          after = hits.getLast().sort();
        }
      } finally {
        client.closePointInTime(c -> c.id(pit));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the documents of " + index + ": " + e.getMessage(), e);
    }
  }
}
