package org.triangulate.scale;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the model steps' partitions (annotate, align) run, under {@code triangulate.scale.*}: on
 * local threads (the default), or on worker processes that receive them over RabbitMQ (the broker
 * itself is {@code spring.rabbitmq.*}). Validated when bound: a bad value stops the start with the
 * key's name.
 *
 * @param mode {@code local}: threads in this process; {@code remote}: this process manages, workers
 *     annotate; {@code worker}: set by {@code ./triangulate worker}, not by hand
 * @param concurrency partitions a worker annotates at once (0: one per core)
 * @param partitionSize transcripts per annotate partition the manager sends
 * @param alignPartitionSize sources per alignment partition the manager sends: enough that a
 *     partition's embedding-model calls are long
 * @param timeout how long the manager waits for all partitions before failing the step
 * @param pollInterval how often the manager reads the job repository for finished partitions
 * @param queuePrefix first part of the request queue's name, {@code <prefix>.<study>.annotate}
 */
@ConfigurationProperties("triangulate.scale")
public record ScaleProperties(
    @DefaultValue("local") Mode mode,
    @DefaultValue("0") int concurrency,
    @DefaultValue("10") int partitionSize,
    @DefaultValue("40") int alignPartitionSize,
    @DefaultValue("2h") Duration timeout,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("triangulate") String queuePrefix) {

  /** Where partitions run. */
  public enum Mode {
    LOCAL,
    REMOTE,
    WORKER
  }

  public ScaleProperties {
    require(
        concurrency >= 0, "concurrency", "must be 0 (one per core) or more, was " + concurrency);
    require(partitionSize >= 1, "partition-size", "must be at least 1, was " + partitionSize);
    require(
        alignPartitionSize >= 1,
        "align-partition-size",
        "must be at least 1, was " + alignPartitionSize);
    require(timeout != null && timeout.isPositive(), "timeout", "must be positive, was " + timeout);
    require(
        pollInterval != null && pollInterval.isPositive() && pollInterval.compareTo(timeout) < 0,
        "poll-interval",
        "must be positive and shorter than triangulate.scale.timeout, was " + pollInterval);
    require(
        queuePrefix != null && queuePrefix.matches("[A-Za-z0-9._-]+"),
        "queue-prefix",
        "must be letters, digits, '.', '_' or '-', was '" + queuePrefix + "'");
  }

  /** The queue carrying a study's partition requests from the manager to its workers. */
  public String requestQueue(String study) {
    return queuePrefix + "." + study + ".annotate";
  }

  /** Worker threads: the configured concurrency, or one per core. */
  public int effectiveConcurrency() {
    return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
  }

  private static void require(boolean valid, String key, String problem) {
    if (!valid) {
      throw new IllegalArgumentException("triangulate.scale." + key + ": " + problem);
    }
  }
}
