package org.triangulate.scale;

import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Makes the alignment step's remote partition handler once the step says how many sources it has to
 * align (the plan is the alignment's to make); typed apart from the annotate step's handler so each
 * step is wired with its own. Thread-safe.
 */
public final class RemoteAlignmentPartitions {

  private final Function<IntSupplier, RemotePartitionHandler> handlers;

  RemoteAlignmentPartitions(Function<IntSupplier, RemotePartitionHandler> handlers) {
    this.handlers = handlers;
  }

  /** A handler sending ⌈sources / align-partition-size⌉ partitions on a first attempt. */
  public RemotePartitionHandler handler(IntSupplier sources) {
    return handlers.apply(sources);
  }
}
