package org.triangulate.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes patterns, in the order given (ranked), as {@value #CSV_FILE} and {@value #JSON_FILE}: the
 * same fields under the same names; lists are {@code ;}-separated in the CSV and arrays in the
 * JSON; an absent highest/lowest group is an empty cell or null. Immutable; thread-safe.
 */
public final class PatternWriter {

  public static final String CSV_FILE = "patterns.csv";
  public static final String JSON_FILE = "patterns.json";

  static final String[] HEADER = {
    "pattern_id",
    "type",
    "item_id",
    "grouping",
    "groups",
    "evidence",
    "categories",
    "strength",
    "family",
    "highest_group",
    "lowest_group"
  };

  private static final CSVFormat CSV =
      CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Writes both files into {@code directory}, replacing them. */
  public void write(Path directory, List<Pattern> patterns) throws IOException {
    writeCsv(directory, patterns);
    writeJson(directory, patterns);
  }

  public Path writeCsv(Path directory, List<Pattern> patterns) throws IOException {
    return StatsFiles.write(
        directory.resolve(CSV_FILE),
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            for (Pattern p : patterns) {
              printer.printRecord(
                  p.id(),
                  p.type(),
                  p.itemId(),
                  p.grouping(),
                  Cells.list(p.groups()),
                  p.evidence(),
                  Cells.list(p.categories()),
                  Cells.number(p.strength()),
                  p.family().name(),
                  Cells.text(p.highestGroup()),
                  Cells.text(p.lowestGroup()));
            }
          }
        });
  }

  public Path writeJson(Path directory, List<Pattern> patterns) throws IOException {
    List<Map<String, Object>> objects = patterns.stream().map(PatternWriter::object).toList();
    String json = JSON.writeValueAsString(objects) + "\n";
    return StatsFiles.write(directory.resolve(JSON_FILE), writer -> writer.write(json));
  }

  private static Map<String, Object> object(Pattern p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("pattern_id", p.id());
    o.put("type", p.type());
    o.put("item_id", p.itemId());
    o.put("grouping", p.grouping());
    o.put("groups", p.groups());
    o.put("evidence", p.evidence());
    o.put("categories", p.categories());
    o.put("strength", p.strength());
    o.put("family", p.family().name());
    o.put("highest_group", p.highestGroup());
    o.put("lowest_group", p.lowestGroup());
    return o;
  }
}
