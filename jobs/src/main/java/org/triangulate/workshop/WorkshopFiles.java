package org.triangulate.workshop;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.triangulate.ingest.DecodedText;
import org.triangulate.ingest.InputFiles;
import org.triangulate.ingest.QuarantinedRecord;

/**
 * Reads {@code data-in/<study>/workshops/}: {@code workshops.csv} (columns {@code workshop_id},
 * {@code date}, {@code pack}, {@code groups} separated by {@code ;}), and each workshop folder's
 * {@code .txt} notes split into paragraphs at blank lines. A file that is not {@code .txt}, too
 * large, or not text, and a bad row of {@code workshops.csv}, is quarantined with its reason;
 * nothing else stops.
 */
public final class WorkshopFiles {

  public static final String INPUT = "workshops";
  static final String INDEX = "workshops.csv";
  static final long MAX_BYTES = 2_000_000;

  /** A paragraph of a notes file, as written. */
  public record Paragraph(Workshop workshop, String file, int number, String text) {}

  private WorkshopFiles() {}

  public static List<Paragraph> read(Path folder, Consumer<QuarantinedRecord> quarantine) {
    List<Paragraph> paragraphs = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return paragraphs;
    }
    Map<String, Workshop> described = described(folder.resolve(INDEX), quarantine);
    // The study's own listing: links that lead out of the study folder are refused, never read.
    for (InputFiles.Listed listed : InputFiles.tree(folder, folder.getParent())) {
      String name = listed.name();
      if (name.equals(INDEX)) {
        continue;
      }
      int slash = name.indexOf('/');
      String problem =
          listed.refusal() != null
              ? listed.refusal()
              : slash < 0
                  ? "not in a workshop's folder (workshops/<workshop id>/)"
                  : problem(listed.path());
      if (problem != null) {
        quarantine.accept(new QuarantinedRecord(INPUT, name, "file", problem, null));
        continue;
      }
      String id = name.substring(0, slash);
      Workshop workshop = described.getOrDefault(id, Workshop.undescribed(id));
      try {
        String text = DecodedText.decode(Files.readAllBytes(listed.path())).text();
        int number = 0;
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
          String paragraph = block.strip().replaceAll("\\s+", " ");
          if (!paragraph.isEmpty()) {
            paragraphs.add(new Paragraph(workshop, name, ++number, paragraph));
          }
        }
      } catch (IOException | RuntimeException e) {
        quarantine.accept(
            new QuarantinedRecord(INPUT, name, "file", "cannot be read: " + e.getMessage(), null));
      }
    }
    return paragraphs;
  }

  private static String problem(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return "not a regular file";
      }
      if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
        return "workshop notes must be .txt files";
      }
      if (Files.size(file) > MAX_BYTES) {
        return "larger than " + MAX_BYTES + " bytes";
      }
      return null;
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
  }

  private static Map<String, Workshop> described(
      Path index, Consumer<QuarantinedRecord> quarantine) {
    Map<String, Workshop> workshops = new LinkedHashMap<>();
    if (!Files.isRegularFile(index)) {
      return workshops;
    }
    try {
      if (Files.size(index) > MAX_BYTES) {
        quarantine.accept(
            new QuarantinedRecord(
                INPUT, INDEX, "file", "larger than " + MAX_BYTES + " bytes", null));
        return workshops;
      }
      String text = DecodedText.decode(Files.readAllBytes(index)).text();
      try (Reader in = new StringReader(text)) {
        for (CSVRecord row :
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          if (!row.isConsistent()
              || !row.isMapped("workshop_id")
              || row.get("workshop_id").isBlank()) {
            quarantine.accept(
                new QuarantinedRecord(
                    INPUT,
                    INDEX,
                    "line " + row.getParser().getCurrentLineNumber(),
                    "needs a workshop_id (columns workshop_id, date, pack, groups)",
                    String.join(",", row.values())));
            continue;
          }
          String groups = value(row, "groups");
          workshops.put(
              row.get("workshop_id").strip(),
              new Workshop(
                  row.get("workshop_id").strip(),
                  value(row, "date"),
                  value(row, "pack"),
                  groups.isEmpty()
                      ? List.of()
                      : Arrays.stream(groups.split(";"))
                          .map(String::strip)
                          .filter(g -> !g.isEmpty())
                          .toList()));
        }
      }
    } catch (IOException | RuntimeException e) {
      quarantine.accept(
          new QuarantinedRecord(INPUT, INDEX, "file", "cannot be read: " + e.getMessage(), null));
    }
    return workshops;
  }

  private static String value(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
  }
}
