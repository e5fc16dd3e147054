package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * Index lifecycle of a study's extracts: a full rebuild writes a new index {@code
 * <study>-extracts-<timestamp>-<run>}, then the alias {@code <study>-extracts} is moved to it in
 * one atomic request, and indices older than the configured number to keep are deleted. An
 * incremental run updates the live index in place when its layout still fits the study.
 * Thread-safe.
 */
public class ExtractIndexAdmin {

  private static final String CONTENT_META = "content";
  private static final Logger LOG = LoggerFactory.getLogger(ExtractIndexAdmin.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final ElasticsearchClient client;
  private final TriangulateProperties.Index settings;

  public ExtractIndexAdmin(ElasticsearchClient client, TriangulateProperties.Index settings) {
    this.client = client;
    this.settings = settings;
  }

  /**
   * Decides tonight's target: the live index when incremental runs are configured and its layout
   * (mapping version, english subfield, attributes) equals what the study needs now; otherwise a
   * new, empty index.
   */
  public ExtractIndexPlan plan(Study study, long runId) {
    if (!settings.incremental()) {
      return new ExtractIndexPlan(createIndex(study, runId), false, "full rebuild configured");
    }
    Set<String> live = aliasedIndices(ExtractIndexMapping.alias(study.name()));
    if (live.size() != 1) {
      return new ExtractIndexPlan(
          createIndex(study, runId), false, "no single live index to update");
    }
    String index = live.iterator().next();
    String expected = ExtractIndexMapping.layout(study, hasAnalyzer("english"));
    String actual = layout(index);
    if (!expected.equals(actual)) {
      return new ExtractIndexPlan(
          createIndex(study, runId),
          false,
          "live index "
              + index
              + " has layout '"
              + actual
              + "', the study needs '"
              + expected
              + "'");
    }
    return new ExtractIndexPlan(index, true, "updating live index " + index);
  }

  public String createIndex(Study study, long runId) {
    String name =
        ExtractIndexMapping.alias(study.name())
            + "-"
            + LocalDateTime.now().format(STAMP)
            + "-"
            + runId;
    boolean english = hasAnalyzer("english");
    call(() ->
        client
            .indices()
            .create(c ->
                c.index(name)
                    .settings(s ->
                        s.numberOfShards(Integer.toString(settings.shards()))
                            .numberOfReplicas(Integer.toString(settings.replicas())))
                    .mappings(ExtractIndexMapping.forStudy(study, english))));
    LOG.info("Created {} (english subfield: {})", name, english);
    return name;
  }

  /**
   * Whether the cluster knows a built-in analyzer; the embedded distribution lacks the
   * analysis-common module and with it {@code english}.
   */
  public boolean hasAnalyzer(String analyzer) {
    try {
      client.indices().analyze(a -> a.analyzer(analyzer).text("probe"));
      return true;
    } catch (ElasticsearchException e) {
      if (e.status() == 400) {
        return false;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch request failed: " + e.getMessage(), e);
    }
  }

  /** The layout recorded in the index's mapping, or "" when it has none. */
  public String layout(String index) {
    return metaText(index, "layout");
  }

  /**
   * The content fingerprint recorded in the mapping of the index behind the study's alias (see
   * {@link #recordContent}), or empty text when there is no such index or no record.
   */
  public String contentBehindAlias(String study) {
    String alias = ExtractIndexMapping.alias(study);
    return aliasedIndices(alias).isEmpty() ? "" : metaText(alias, CONTENT_META);
  }

  /**
   * Records in the index's {@code _meta} what it was built from, beside the layout; written only
   * after the index was verified, so a failed night never leaves a record claiming it is current.
   */
  public void recordContent(String index, String fingerprint) {
    Map<String, JsonData> meta = new HashMap<>(meta(index));
    meta.put(CONTENT_META, JsonData.of(fingerprint));
    call(() -> client.indices().putMapping(p -> p.index(index).meta(meta)));
  }

  /** The {@code _meta} of an index's mapping (of the first, for an alias). */
  private Map<String, JsonData> meta(String index) {
    return call(() ->
        client.indices().getMapping(g -> g.index(index)).mappings().values().stream()
            .findFirst()
            .map(m -> m.mappings().meta())
            .orElse(Map.of()));
  }

  private String metaText(String index, String key) {
    JsonData value = meta(index).get(key);
    return value == null ? "" : value.to(String.class);
  }

  /** How many transcripts' segments the live index holds (its workshop notes left out). */
  public long countBehindAlias(String study) {
    return refreshAndCount(ExtractIndexMapping.alias(study), ExtractDocument.TRANSCRIPT);
  }

  /** How many documents of the given source kind {@code index} holds. */
  public long refreshAndCount(String index, String sourceKind) {
    return call(() -> {
      client.indices().refresh(r -> r.index(index));
      return client
          .count(
              c -> c.index(index).query(q -> q.term(t -> t.field("sourceKind").value(sourceKind))))
          .count();
    });
  }

  /** The ids of the documents of the given source kind in {@code index}. */
  public List<String> idsOfKind(String index, String sourceKind) {
    return idsMatching(index, q -> q.term(t -> t.field("sourceKind").value(sourceKind)));
  }

  /** Every id of the documents of {@code index} that {@code query} matches, paged by id. */
  private List<String> idsMatching(
      String index,
      java.util.function.Function<
              co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder,
              co.elastic.clients.util.ObjectBuilder<
                  co.elastic.clients.elasticsearch._types.query_dsl.Query>>
          query) {
    return call(() -> {
      client.indices().refresh(r -> r.index(index));
      List<String> ids = new java.util.ArrayList<>();
      List<co.elastic.clients.elasticsearch._types.FieldValue> after = List.of();
      while (true) {
        List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
        var hits =
            client
                .search(
                    q -> {
                      q.index(index)
                          .size(5_000)
                          .source(src -> src.fetch(false))
                          .sort(o -> o.field(f -> f.field("id")))
                          .query(query);
                      return from.isEmpty() ? q : q.searchAfter(from);
                    },
                    Void.class)
                .hits()
                .hits();
        if (hits.isEmpty()) {
          return ids;
        }
        hits.forEach(h -> ids.add(h.id()));
        after = hits.getLast().sort();
      }
    });
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

  /**
   * How many transcripts' documents of {@code index} belong to none of {@code sources} (opaque
   * ids).
   */
  public long countOutside(String index, java.util.Collection<String> sources) {
    List<co.elastic.clients.elasticsearch._types.FieldValue> values =
        sources.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
    return call(() -> {
      client.indices().refresh(r -> r.index(index));
      return client
          .count(c ->
              c.index(index)
                  .query(q ->
                      q.bool(b ->
                          b.filter(f ->
                                  f.term(
                                      t -> t.field("sourceKind").value(ExtractDocument.TRANSCRIPT)))
                              .mustNot(m ->
                                  m.terms(
                                      t -> t.field("sourceFile").terms(v -> v.value(values)))))))
          .count();
    });
  }

  /**
   * The ids of the documents of {@code sources} (opaque source ids) that are not in {@code keep}:
   * what is left of changed transcripts once their new documents are written.
   */
  public List<String> idsOfSourcesExcept(
      String index, java.util.Collection<String> sources, java.util.Collection<String> keep) {
    if (sources.isEmpty()) {
      return List.of();
    }
    List<co.elastic.clients.elasticsearch._types.FieldValue> values =
        sources.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
    Set<String> kept = Set.copyOf(keep);
    return idsMatching(
            index,
            q ->
                q.bool(f ->
                    f.filter(t -> t.terms(v -> v.field("sourceFile").terms(w -> w.value(values))))))
        .stream()
        .filter(id -> !kept.contains(id))
        .toList();
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
    // Names sort by creation: <alias>-<yyyyMMdd-HHmmss>-<run>.
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
