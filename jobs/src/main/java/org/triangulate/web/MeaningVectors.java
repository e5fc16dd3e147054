package org.triangulate.web;

import co.elastic.clients.elasticsearch.core.GetResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.triangulate.align.Embedders;
import org.triangulate.index.ExtractIndexMapping;

/**
 * Where a search by meaning starts: the words' sentence vector, computed by the study's model (the
 * one item alignment stored the extracts' vectors with, loaded once per process by {@link
 * Embedders}), or an indexed extract's own vector, read from the index. The vectors of the last few
 * hundred word searches are kept, so turning pages or ticking a facet does not embed the words
 * again. Thread-safe.
 */
@Component
class MeaningVectors {

  /** Enough for every analyst's recent searches; a vector is 1.5 kB. */
  private static final int CACHED = 512;

  private final Embedders embedders;
  private final Map<String, float[]> recent =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHED;
        }
      };

  MeaningVectors(Embedders embedders) {
    this.embedders = embedders;
  }

  /** The words' unit sentence vector. */
  float[] ofWords(String words) {
    synchronized (recent) {
      float[] cached = recent.get(words);
      if (cached != null) {
        return cached;
      }
    }
    float[] vector = embedders.get().embed(List.of(words)).getFirst();
    synchronized (recent) {
      recent.put(words, vector);
    }
    return vector;
  }

  /** An indexed extract with its vector, the start of a "more like this" search. */
  record Liked(String id, ExtractSource source, float[] vector) {}

  /**
   * The extract {@code id} and its vector from the index behind the search's alias.
   *
   * @throws BadSearchRequestException when there is no such extract or it has no vector (a
   *     workshop's note, or an extract indexed before vectors were)
   */
  Liked ofExtract(ExtractSearchService search, String id) {
    GetResponse<ExtractSource> found =
        search.call(() ->
            search
                .client()
                .get(
                    g ->
                        g.index(search.alias())
                            .id(id)
                            // Vectors are left out of _source unless asked for.
                            .sourceExcludeVectors(false)
                            .sourceIncludes(
                                java.util.stream.Stream.concat(
                                        ExtractSource.FIELDS.stream(),
                                        java.util.stream.Stream.of(ExtractIndexMapping.VECTOR))
                                    .toList()),
                    ExtractSource.class));
    if (!found.found() || found.source() == null) {
      throw new BadSearchRequestException(List.of("like: there is no extract '" + id + "'"));
    }
    ExtractSource source = found.source();
    if (source.vector() == null || source.vector().length == 0) {
      throw new BadSearchRequestException(
          List.of(
              "like: extract '"
                  + id
                  + "' has no sentence vector (workshop notes have none), so nothing is like it by"
                  + " meaning"));
    }
    return new Liked(id, source, source.vector());
  }
}
