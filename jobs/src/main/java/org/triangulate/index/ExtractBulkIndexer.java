package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes extracts to one index through the client's {@link BulkIngester} (requests sized by count
 * and bytes, several in flight). A request refused as a whole (429, 503, a lost connection) and a
 * document refused with 429 or 503 are retried after the configured back-off; a document refused
 * for any other reason (a mapping error, say) is <em>rejected</em> with Elasticsearch's reason and
 * the rest go on. {@link #drain()} waits until every operation added so far has an outcome.
 *
 * <p>Operations may be added from one thread at a time; outcomes arrive on the ingester's threads.
 */
public final class ExtractBulkIndexer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractBulkIndexer.class);
  private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);

  /** A document Elasticsearch refused, with its reason; the document is null for a delete. */
  public record Rejection(String id, ExtractDocument document, String reason) {}

  /** What the operations since the last drain came to. Immutable. */
  public record Outcome(long indexed, long deleted, long retried, List<Rejection> rejected) {
    public Outcome {
      rejected = List.copyOf(rejected);
    }
  }

  private record Pending(
      String id, ExtractDocument document, BulkOperation operation, int attempt) {
    Pending again() {
      return new Pending(id, document, operation, attempt + 1);
    }
  }

  private final BulkIngester<Pending> ingester;
  private final BulkSettings settings;
  private final ScheduledExecutorService retries;
  private final BulkOutcomes outcomes = new BulkOutcomes();
  private final String index;

  public ExtractBulkIndexer(ElasticsearchClient client, String index, BulkSettings settings) {
    this.index = index;
    this.settings = settings;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "bulk-retry-" + index);
          t.setDaemon(true);
          return t;
        });
    this.ingester =
        BulkIngester.of(b ->
            b.client(client)
                .globalSettings(g -> g.index(index))
                .maxOperations(settings.maxOperations())
                .maxSize(settings.maxBytes())
                .maxConcurrentRequests(settings.concurrentRequests())
                // A safety net only: drain() and retries flush themselves.
                .flushInterval(1, TimeUnit.SECONDS)
                .listener(new Listener()));
  }

  public String index() {
    return index;
  }

  /** Indexes (creates or overwrites) the document under its stable id. */
  public void index(ExtractDocument document) {
    add(
        new Pending(
            document.id(),
            document,
            BulkOperation.of(o -> o.index(i -> i.id(document.id()).document(document))),
            0));
  }

  public void delete(String id) {
    add(new Pending(id, null, BulkOperation.of(o -> o.delete(d -> d.id(id))), 0));
  }

  private void add(Pending pending) {
    outcomes.added();
    ingester.add(pending.operation(), pending);
  }

  /**
   * Sends what is buffered and waits until every operation added so far was written, deleted or
   * rejected; returns their counts and resets them.
   *
   * @throws BulkIndexingException when retries ran out or an error no retry can fix occurred
   */
  public Outcome drain() throws InterruptedException {
    while (true) {
      // A retry may be re-added after a flush: flush again now and then until all have outcomes.
      ingester.flush();
      Outcome outcome = outcomes.await(1_000);
      if (outcome != null) {
        return outcome;
      }
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
    ingester.close();
  }

  private void retryOrGiveUp(Pending pending, String reason, Throwable cause) {
    if (pending.attempt() >= settings.maxRetries()) {
      outcomes.failed(
          new BulkIndexingException(
              "Elasticsearch still refused document "
                  + pending.id()
                  + " in "
                  + index
                  + " after "
                  + pending.attempt()
                  + " retries: "
                  + reason,
              cause));
      return;
    }
    long delay = settings.retryDelaysMillis().get(pending.attempt());
    outcomes.retried();
    LOG.warn("Retrying {} in {} in {} ms: {}", pending.id(), index, delay, reason);
    retries.schedule(
        () -> {
          Pending next = pending.again();
          ingester.add(next.operation(), next);
          ingester.flush();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /** A failure of the whole request worth retrying: overload, unavailability or the connection. */
  static boolean retryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException e && RETRY_STATUSES.contains(e.status())) {
        return true;
      }
      if (t instanceof TransportException e && RETRY_STATUSES.contains(e.statusCode())) {
        return true;
      }
      if (t instanceof IOException && !(t instanceof TransportException)) {
        return true;
      }
    }
    return false;
  }

  private final class Listener implements BulkListener<Pending> {

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < contexts.size(); i++) {
        Pending pending = contexts.get(i);
        BulkResponseItem item = items.get(i);
        if (item.error() == null) {
          if (pending.document() == null) {
            outcomes.deleted();
          } else {
            outcomes.indexed();
          }
        } else {
          String reason = item.error().type() + ": " + item.error().reason();
          if (RETRY_STATUSES.contains(item.status())) {
            retryOrGiveUp(pending, "status " + item.status() + " " + reason, null);
          } else {
            outcomes.rejected(new Rejection(pending.id(), pending.document(), reason));
          }
        }
      }
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
      if (retryable(failure)) {
        contexts.forEach(p -> retryOrGiveUp(p, failure.toString(), failure));
      } else {
        outcomes.failed(
            new BulkIndexingException(
                "A bulk request of "
                    + contexts.size()
                    + " operations to "
                    + index
                    + " failed and cannot be retried: "
                    + failure,
                failure));
      }
    }
  }
}
