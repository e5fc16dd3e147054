package org.triangulate.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * The last night's item statistics, {@code data-out/<study>/stats/items.csv}, as rows of column →
 * value (numbers as numbers, blanks as null), read on each request: the nightly job replaces the
 * file atomically, so a request sees last night's file or tonight's, never half. Columns are read
 * by header, so the API follows the file. Thread-safe.
 */
@Component
public class ItemStatsFile {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private final Path file;

  public ItemStatsFile(TriangulateProperties properties, Study study) {
    this.file = properties.studyOutput(study.name()).resolve("stats").resolve("items.csv");
  }

  /** The rows whose columns equal every given filter; empty when there is no file yet. */
  public Result read(Map<String, String> filters) {
    if (!Files.isRegularFile(file)) {
      return new Result(false, List.of(), List.of());
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(in)) {
      List<String> columns = parser.getHeaderNames();
      List<String> problems = new ArrayList<>();
      filters.keySet().stream()
          .filter(k -> !columns.contains(k))
          .forEach(k -> problems.add("unknown parameter '" + k + "': filter by one of " + columns));
      if (!problems.isEmpty()) {
        throw new BadSearchRequestException(problems);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (filters.entrySet().stream()
            .allMatch(f -> f.getValue().equals(record.get(f.getKey())))) {
          Map<String, Object> row = new LinkedHashMap<>();
          columns.forEach(c -> row.put(c, value(record.get(c))));
          rows.add(row);
        }
      }
      return new Result(true, columns, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's columns and the matching rows; {@code exists} is false before the first night. */
  public record Result(boolean exists, List<String> columns, List<Map<String, Object>> rows) {}

  private static Object value(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.matches("-?\\d{1,18}")) {
      return Long.parseLong(raw);
    }
    if (raw.matches("-?\\d*\\.\\d+([eE]-?\\d+)?")) {
      return Double.parseDouble(raw);
    }
    return raw;
  }
}
