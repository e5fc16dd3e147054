package org.triangulate.ingest;

import java.util.List;

/**
 * What importing one REFI-QDA project gives: its codes merged into the study's categories, the
 * project's source texts staged where no transcript holds them, and each coding of a plain-text
 * selection placed on a staged source; plus what was quarantined and notes. Each code and each
 * coding is one record: read = loaded + quarantined. Immutable.
 */
public record QdaImport(
    String fileName,
    String provenance,
    List<ImportedCode> codes,
    List<StagedTranscript> sources,
    List<ImportedSelection> selections,
    List<QuarantinedRecord> quarantined,
    List<String> notes) {

  public QdaImport {
    codes = List.copyOf(codes);
    sources = List.copyOf(sources);
    selections = List.copyOf(selections);
    quarantined = List.copyOf(quarantined);
    notes = List.copyOf(notes);
  }

  /** A code of the project and the study category and theme it merges into. */
  public record ImportedCode(
      String guid,
      String parentGuid,
      String name,
      String description,
      String color,
      boolean codable,
      String category,
      String theme) {}

  /** One coding of a selection, placed at {@code [start, end)} of a staged source's text. */
  public record ImportedSelection(
      String selectionGuid,
      String codeGuid,
      String category,
      String sourceId,
      int start,
      int end,
      String coder) {}

  /** The import as an input's records, for the ledger and {@code validate}. */
  public InputLoad<Object> asLoad(String encoding) {
    List<Object> loaded = new java.util.ArrayList<>(codes);
    loaded.addAll(selections);
    return new InputLoad<>("coding", fileName, encoding, loaded, quarantined, notes);
  }
}
