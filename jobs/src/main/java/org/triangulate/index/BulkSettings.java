package org.triangulate.index;

import co.elastic.clients.transport.BackoffPolicy;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.TriangulateProperties;

/**
 * How bulk requests are sized and retried: at most {@code maxOperations} operations or {@code
 * maxBytes} bytes per request, {@code concurrentRequests} in flight, and after a 429, a 503 or a
 * lost connection up to {@code retryDelaysMillis.size()} retries, waiting each delay in turn.
 * Immutable.
 */
public record BulkSettings(
    int maxOperations, long maxBytes, int concurrentRequests, List<Long> retryDelaysMillis) {

  public BulkSettings {
    if (maxOperations < 1 || maxBytes < 1 || concurrentRequests < 1) {
      throw new IllegalArgumentException(
          "bulk sizes must be positive: operations "
              + maxOperations
              + ", bytes "
              + maxBytes
              + ", concurrent requests "
              + concurrentRequests);
    }
    retryDelaysMillis = List.copyOf(retryDelaysMillis);
  }

  /** Delays of the client's exponential back-off starting at {@code initialMillis}. */
  public static BulkSettings of(
      int maxOperations, long maxBytes, int concurrentRequests, long initialMillis, int retries) {
    List<Long> delays = new ArrayList<>();
    BackoffPolicy.exponentialBackoff(initialMillis, retries).forEach(delays::add);
    return new BulkSettings(maxOperations, maxBytes, concurrentRequests, delays);
  }

  /** The configured sizes and back-off under {@code triangulate.index}. */
  public static BulkSettings of(TriangulateProperties.Index index) {
    return of(
        index.bulkDocuments(),
        index.bulkSize().toBytes(),
        index.bulkConcurrentRequests(),
        index.retryDelay().toMillis(),
        index.retries());
  }

  public int maxRetries() {
    return retryDelaysMillis.size();
  }
}
