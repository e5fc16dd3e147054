package org.triangulate.batch;

import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Where tonight's extract documents go, as the step that plans the index decides and the steps
 * after it read: the index, whether it is the live index changed in place, and which sources are
 * written (empty: every source). Kept in the job's execution context, so that a restarted night
 * goes on with the same index; this is the one way in and out of that context.
 *
 * @param sources the sources whose documents are written, or empty for every source
 */
record ExtractTarget(String index, boolean incremental, Optional<List<String>> sources) {

  private static final String INDEX = "extractIndex";
  private static final String INCREMENTAL = "extractIncremental";

  /** Writes this target into the job's context, for the steps after the planning one. */
  void putInto(ExecutionContext job) {
    job.putString(INDEX, index);
    job.putString(INCREMENTAL, Boolean.toString(incremental));
    job.putString(
        ExtractScope.KEY, sources.map(ExtractScope::only).orElse(ExtractScope.everySource()));
  }

  /** The target the planning step wrote into the job's context. */
  static ExtractTarget of(ExecutionContext job) {
    return new ExtractTarget(
        job.getString(INDEX),
        Boolean.parseBoolean(job.getString(INCREMENTAL, "false")),
        ExtractScope.of(job.getString(ExtractScope.KEY, ExtractScope.everySource())));
  }
}
