package org.triangulate.ingest;

import java.util.List;

/**
 * What reading one input file gave: the records that load, the records quarantined (each with file,
 * location and reason) and notes on what was tolerated. {@code read() == loaded().size() +
 * quarantined().size()} by construction. Immutable.
 */
public record InputLoad<T>(
    String input,
    String fileName,
    String encoding,
    List<T> loaded,
    List<QuarantinedRecord> quarantined,
    List<String> notes) {

  public InputLoad {
    loaded = List.copyOf(loaded);
    quarantined = List.copyOf(quarantined);
    notes = List.copyOf(notes);
  }

  public long read() {
    return loaded.size() + quarantined.size();
  }

  /** An input whose file is absent: nothing read, nothing loaded, a note saying so. */
  public static <T> InputLoad<T> missing(String input, String fileName) {
    return new InputLoad<>(input, fileName, null, List.of(), List.of(), List.of("file not found"));
  }
}
