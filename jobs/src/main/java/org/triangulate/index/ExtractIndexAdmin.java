package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * Index lifecycle of a study's extracts: a full rebuild writes a new index {@code
 * <study>-extracts-<timestamp>-<run>}, then the alias {@code <study>-extracts} is moved to it in
 * one atomic request, and indices older than the configured number to keep are deleted.
 * Thread-safe.
 */
public class ExtractIndexAdmin {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final ElasticsearchClient client;
  private final TriangulateProperties.Index settings;

  public ExtractIndexAdmin(ElasticsearchClient client, TriangulateProperties.Index settings) {
    this.client = client;
    this.settings = settings;
  }

  public String createIndex(Study study, long runId) {
    String name =
        ExtractIndexMapping.alias(study.name())
            + "-"
            + LocalDateTime.now().format(STAMP)
            + "-"
            + runId;
    call(() ->
        client
            .indices()
            .create(c ->
                c.index(name)
                    .settings(s ->
                        s.numberOfShards(Integer.toString(settings.shards()))
                            .numberOfReplicas(Integer.toString(settings.replicas())))
                    .mappings(ExtractIndexMapping.forStudy(study))));
    return name;
  }

  public long refreshAndCount(String index) {
    return call(() -> {
      client.indices().refresh(r -> r.index(index));
      return client.count(c -> c.index(index)).count();
    });
  }

  /** Points the study's alias at {@code index} alone, atomically; returns the indices it left. */
  public Set<String> swapAlias(String study, String index) {
    String alias = ExtractIndexMapping.alias(study);
    Set<String> previous = aliasedIndices(alias);
    List<Action> actions = new ArrayList<>();
    previous.stream()
        .filter(i -> !i.equals(index))
        .forEach(old -> actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias)))));
    actions.add(Action.of(a -> a.add(ad -> ad.index(index).alias(alias))));
    call(() -> client.indices().updateAliases(u -> u.actions(actions)));
    return previous;
  }

  public Set<String> aliasedIndices(String alias) {
    return call(() ->
        client.indices().existsAlias(e -> e.name(alias)).value()
            ? client.indices().getAlias(g -> g.name(alias)).aliases().keySet()
            : Set.of());
  }

  /** Deletes the study's extract indices beyond the newest {@code keep}, never the aliased one. */
  public List<String> deleteOldIndices(String study) {
    String alias = ExtractIndexMapping.alias(study);
    Set<String> live = aliasedIndices(alias);
    List<String> all =
        call(() ->
            new ArrayList<>(client.indices().get(g -> g.index(alias + "-*")).indices().keySet()));
    all.sort(Comparator.reverseOrder());
    List<String> doomed =
        all.stream().skip(settings.keep()).filter(i -> !live.contains(i)).toList();
    for (String index : doomed) {
      call(() -> client.indices().delete(d -> d.index(index)));
    }
    return doomed;
  }

  private interface EsCall<T> {
    T run() throws IOException;
  }

  private static <T> T call(EsCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch request failed: " + e.getMessage(), e);
    }
  }
}
