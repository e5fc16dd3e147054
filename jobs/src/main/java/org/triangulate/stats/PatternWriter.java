package org.triangulate.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes patterns, in the order given (ranked), as {@value #PATTERNS}.csv and .json: the same
 * fields under the same names ({@link StatsTable}); lists are {@code ;}-separated in the CSV and
 * arrays in the JSON; an absent highest/lowest group is an empty cell or null. Immutable;
 * thread-safe.
 */
public final class PatternWriter {

  public static final String PATTERNS = "patterns";

  static final List<String> HEADER =
      List.of(
          "pattern_id",
          "type",
          "item_id",
          "grouping",
          "groups",
          "evidence",
          "categories",
          // beyond the brief's list
          "strength",
          "family",
          "highest_group",
          "lowest_group",
          "differs_in");

  /** Writes both files into {@code directory}, replacing them. */
  public void write(Path directory, List<Pattern> patterns) throws IOException {
    new StatsTable(PATTERNS, HEADER, patterns.stream().map(PatternWriter::cells).toList())
        .write(directory);
  }

  private static List<Object> cells(Pattern p) {
    List<Object> cells = new ArrayList<>(HEADER.size());
    cells.add(p.id());
    cells.add(p.type());
    cells.add(p.itemId());
    cells.add(p.grouping());
    cells.add(p.groups());
    cells.add(p.evidence());
    cells.add(p.categories());
    cells.add(p.strength());
    cells.add(p.family().name());
    cells.add(p.highestGroup());
    cells.add(p.lowestGroup());
    cells.add(p.differsIn());
    return cells;
  }
}
