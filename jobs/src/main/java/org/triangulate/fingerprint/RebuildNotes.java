package org.triangulate.fingerprint;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Which outputs a night built again and why, kept in the job's context for the run report: one
 * entry per output, so steps running side by side never write the same key.
 */
public final class RebuildNotes {

  private static final String PREFIX = "rebuilt: ";

  private RebuildNotes() {}

  public static void note(ExecutionContext job, String output, String reason) {
    job.putString(PREFIX + output, reason);
  }

  /** Reason by output, in output order. */
  public static Map<String, String> of(ExecutionContext job) {
    Map<String, String> notes = new TreeMap<>();
    job.entrySet().stream()
        .filter(e -> e.getKey().startsWith(PREFIX))
        .forEach(e -> notes.put(e.getKey().substring(PREFIX.length()), e.getValue().toString()));
    return notes;
  }
}
