package org.triangulate.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.output.OutputFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link CodingCoverage} into a run's folder: {@value #JSON_FILE} (everything), {@value
 * #CSV_FILE} (one row per category × dimension × group, with the group's segments and the share
 * coded), {@value #UNCODED_FILE} (the segments without a category, located) and {@value #TEXT_FILE}
 * (tables to read). Each file replaces the earlier one in one move. Stateless.
 */
public final class CodingCoverageWriter {

  public static final String JSON_FILE = "coverage.json";
  public static final String CSV_FILE = "coverage.csv";
  public static final String UNCODED_FILE = "uncoded-segments.csv";
  public static final String TEXT_FILE = "coverage.txt";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CodingCoverageWriter() {}

  public static void write(CodingCoverage coverage, Path directory) {
    OutputFiles.write(
        directory.resolve(JSON_FILE), out -> out.write(JSON.writeValueAsString(coverage) + "\n"));
    OutputFiles.write(
        directory.resolve(CSV_FILE),
        out -> {
          try (CSVPrinter csv =
              new CSVPrinter(
                  out,
                  format(
                      "category",
                      "theme",
                      "dimension",
                      "group",
                      "segments",
                      "group_segments",
                      "share"))) {
            for (CodingCoverage.CategoryCoverage row : coverage.categories()) {
              csv.printRecord(
                  row.category(),
                  row.theme(),
                  "all",
                  "all",
                  row.segments(),
                  coverage.segments(),
                  share(row.segments(), coverage.segments()));
              for (String dimension : coverage.dimensions()) {
                for (String group : coverage.groupsOf(dimension)) {
                  int n = row.byGroup().get(dimension).getOrDefault(group, 0);
                  int total = coverage.totals().get(dimension).get(group);
                  csv.printRecord(
                      row.category(), row.theme(), dimension, group, n, total, share(n, total));
                }
              }
            }
          }
        });
    OutputFiles.write(
        directory.resolve(UNCODED_FILE),
        out -> {
          try (CSVPrinter csv =
              new CSVPrinter(
                  out,
                  format(
                      "segment_id",
                      "participant_id",
                      "case_id",
                      "source",
                      "start_offset",
                      "end_offset"))) {
            for (CodingCoverage.UncodedSegment s : coverage.uncoded().list()) {
              csv.printRecord(
                  s.segmentId(), s.participantId(), s.caseId(), s.sourceId(), s.start(), s.end());
            }
          }
        });
    OutputFiles.writeString(directory.resolve(TEXT_FILE), text(coverage));
  }

  private static CSVFormat format(String... header) {
    return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
  }

  private static String share(int n, int total) {
    return total == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) n / total);
  }

  /** The report as tables: one per dimension, categories down, groups across. */
  static String text(CodingCoverage coverage) {
    StringBuilder text = new StringBuilder();
    text.append("Coding coverage: study ")
        .append(coverage.study())
        .append(", run ")
        .append(coverage.runId())
        .append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "Participant segments: %d; coded to a category: %d (%s); without a category: %d%n",
                coverage.segments(),
                coverage.codedSegments(),
                percent(coverage.codedSegments(), coverage.segments()),
                coverage.uncoded().segments()));
    text.append("Categories with no coded segment (")
        .append(coverage.emptyCategories().size())
        .append("): ")
        .append(
            coverage.emptyCategories().isEmpty()
                ? "none"
                : String.join(", ", coverage.emptyCategories()))
        .append('\n');
    for (String dimension : coverage.dimensions()) {
      List<String> groups = coverage.groupsOf(dimension);
      List<List<String>> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("segments per category × " + dimension));
      header.addAll(groups.stream().map(g -> g.isEmpty() ? "(none)" : g).toList());
      header.add("all");
      rows.add(header);
      for (CodingCoverage.CategoryCoverage row : coverage.categories()) {
        rows.add(line(row.category(), row.byGroup().get(dimension), groups, row.segments()));
      }
      rows.add(
          line(
              "(no category)",
              coverage.uncoded().byGroup().get(dimension),
              groups,
              coverage.uncoded().segments()));
      rows.add(
          line(
              "(participant segments)",
              coverage.totals().get(dimension),
              groups,
              coverage.segments()));
      text.append('\n').append(table(rows));
    }
    return text.toString();
  }

  private static List<String> line(
      String label, Map<String, Integer> counts, List<String> groups, int all) {
    List<String> cells = new ArrayList<>(List.of(label));
    groups.forEach(g -> cells.add(Integer.toString(counts.getOrDefault(g, 0))));
    cells.add(Integer.toString(all));
    return cells;
  }

  private static String table(List<List<String>> rows) {
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    rows.forEach(r -> {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], r.get(c).length());
      }
    });
    StringBuilder table = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        if (c == 0) {
          line.append(cell).append(" ".repeat(widths[c] - cell.length()));
        } else {
          line.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
        }
      }
      table.append(line.toString().stripTrailing()).append('\n');
    }
    return table.toString();
  }

  private static String percent(int n, int total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / total);
  }
}
