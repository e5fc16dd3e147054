package org.triangulate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REFI-QDA inputs of {@code coding/}: project files ({@code *.qdpx}, or a bare {@code *.qde})
 * and the optional {@code sources.csv} that maps a project's sources to participants (columns
 * {@code source}: a source's name or guid, and {@code participant_id}). Same rules for the nightly
 * job and {@code validate}. Stateless.
 */
public final class RefiQdaInputs {

  public static final String INPUT = "coding";
  public static final String FOLDER = "coding/";
  public static final String SOURCE_MAPPING = "sources.csv";

  private RefiQdaInputs() {}

  public static boolean isProject(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".qdpx") || name.endsWith(".qde");
  }

  public static List<Path> projects(Path folder) {
    return InputFiles.list(folder).stream().filter(RefiQdaInputs::isProject).toList();
  }

  /** sources.csv as a mapping (source name or guid in lower case to participant) and its load. */
  public record SourceMapping(Map<String, String> participantOfSource, InputLoad<String[]> load) {}

  public static SourceMapping sourceMapping(Path file, Set<String> participants) {
    return sourceMapping(file, participants, InputLimits.DEFAULTS);
  }

  public static SourceMapping sourceMapping(
      Path file, Set<String> participants, InputLimits limits) {
    String fileName = FOLDER + SOURCE_MAPPING;
    CsvFile csv = CsvFileReader.read(file, fileName, limits);
    List<String[]> loaded = new ArrayList<>();
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    csv.unreadable().forEach(r -> quarantined.add(r.withInput(INPUT)));
    Map<String, String> mapping = new LinkedHashMap<>();
    for (CsvRow row : csv.rows()) {
      try {
        RowRules.requireColumn(row, "source");
        RowRules.requireColumn(row, "participant_id");
        String source = row.get("source");
        String participant = row.get("participant_id");
        if (source.isEmpty()) {
          throw InvalidRecordException.badValue(
              row, "source", "is blank: name a source or its guid");
        }
        if (!participants.contains(participant)) {
          throw InvalidRecordException.badValue(
              row, "participant_id", "is not a participant in participants.csv");
        }
        String key = source.toLowerCase(Locale.ROOT);
        String earlier = mapping.putIfAbsent(key, participant);
        if (earlier != null && !earlier.equals(participant)) {
          throw InvalidRecordException.badValue(
              row, "source", "is mapped to participant " + earlier + " on an earlier line");
        }
        loaded.add(new String[] {source, participant});
      } catch (InvalidRecordException e) {
        quarantined.add(
            new QuarantinedRecord(
                INPUT, fileName, "line " + row.line(), e.getMessage(), row.asText()));
      }
    }
    return new SourceMapping(
        mapping,
        new InputLoad<>(INPUT, fileName, csv.encoding(), loaded, quarantined, csv.notes()));
  }

  /** A project file imported, or one quarantined record saying why the file can't be read. */
  public static QdaImport importFile(String fileName, byte[] bytes, QdaImporter importer) {
    try {
      return importer.importProject(fileName, QdpxReader.read(fileName, bytes));
    } catch (InvalidRecordException e) {
      return refused(fileName, e.getMessage());
    }
  }

  /**
   * A project file imported from disk under the caps of {@code limits}, or one quarantined record
   * saying why not; an archive is never read whole into memory.
   */
  public static QdaImport importFile(
      String fileName, Path file, QdaImporter importer, InputLimits limits) {
    try {
      return importer.importProject(fileName, QdpxReader.read(fileName, file, limits));
    } catch (InvalidRecordException e) {
      return refused(fileName, e.getMessage());
    } catch (RuntimeException e) {
      // A parser's own failure on a hostile file must not stop the night: the file is refused.
      return refused(fileName, "could not be read: " + e);
    }
  }

  private static QdaImport refused(String fileName, String reason) {
    return new QdaImport(
        fileName,
        "imported:REFI-QDA",
        List.of(),
        List.of(),
        List.of(),
        List.of(new QuarantinedRecord(INPUT, fileName, "file", reason, null)),
        List.of());
  }

  static byte[] readAllBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
