package org.triangulate.ingest;

import java.util.List;

/**
 * A REFI-QDA project as read from a {@code .qdpx} archive or a bare {@code .qde} file: its codebook
 * (flattened, each code with its parent), its text sources with their plain text when the project
 * carries it, and the coded plain-text selections. {@code skipped} holds what was read but cannot
 * be imported (selections on pictures, audio or video, malformed positions), each one a record;
 * {@code notes} what was left aside on purpose (notes, sets, cases). Immutable.
 */
public record QdaProject(
    String name,
    String origin,
    List<Code> codes,
    List<Source> sources,
    List<QuarantinedRecord> skipped,
    List<String> notes) {

  public QdaProject {
    codes = List.copyOf(codes);
    sources = List.copyOf(sources);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** Whether positions count UTF-16 units (NVivo) rather than characters (the standard). */
  public boolean countsUtf16Units() {
    return origin != null && origin.strip().toLowerCase(java.util.Locale.ROOT).startsWith("nvivo");
  }

  public long codingCount() {
    return sources.stream()
        .flatMap(s -> s.selections().stream())
        .mapToLong(s -> s.codeGuids().size())
        .sum();
  }

  /** A code of the codebook; {@code parentGuid} is null for a top-level code. */
  public record Code(
      String guid,
      String parentGuid,
      String name,
      String description,
      String color,
      boolean codable) {}

  /**
   * A text source: {@code text} is its plain text as the project holds it (null when the project
   * does not carry it), {@code textPath} where it came from, for messages.
   */
  public record Source(
      String guid, String name, String textPath, String text, List<Selection> selections) {
    public Source {
      selections = List.copyOf(selections);
    }
  }

  /** A plain-text selection with the codes it is coded to; positions as written. */
  public record Selection(
      String guid, String name, long start, long end, String coder, List<String> codeGuids) {
    public Selection {
      codeGuids = List.copyOf(codeGuids);
    }
  }
}
