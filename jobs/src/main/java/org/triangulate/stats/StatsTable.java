package org.triangulate.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.output.OutputFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stats table written twice, as {@code <name>.csv} (header row, then one record per row) and
 * {@code <name>.json} (an array of objects keyed by the same header names, in the same order), so a
 * reader in R or Excel and a reader in code see the same values.
 *
 * <p>Cells are typed: text; whole numbers; doubles (written in full, the shortest text that reads
 * back as the same double; NaN or infinite is an empty CSV cell and JSON null); booleans; lists of
 * text ({@value Cells#LIST_SEPARATOR}-separated in the CSV, arrays in the JSON); null (empty cell,
 * JSON null). Immutable.
 */
record StatsTable(String name, List<String> header, List<List<Object>> rows) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  StatsTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    for (List<Object> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            name + ": a row has " + row.size() + " cells for " + header.size() + " columns");
      }
    }
  }

  String csvFile() {
    return name + ".csv";
  }

  String jsonFile() {
    return name + ".json";
  }

  /** Writes both files into {@code directory}, each replacing last night's in one move. */
  void write(Path directory) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();
    OutputFiles.write(
        directory.resolve(csvFile()),
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (List<Object> row : rows) {
              printer.printRecord(row.stream().map(StatsTable::csvCell).toList());
            }
          }
        });
    List<Map<String, Object>> objects = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        object.put(header.get(i), jsonValue(row.get(i)));
      }
      objects.add(object);
    }
    String json = JSON.writeValueAsString(objects) + "\n";
    OutputFiles.write(directory.resolve(jsonFile()), writer -> writer.write(json));
  }

  private static String csvCell(Object value) {
    return switch (value) {
      case null -> "";
      case Double d -> Cells.number(d);
      case List<?> list -> Cells.list(list.stream().map(String::valueOf).toList());
      default -> value.toString();
    };
  }

  private static Object jsonValue(Object value) {
    return value instanceof Double d && !Double.isFinite(d) ? null : value;
  }
}
