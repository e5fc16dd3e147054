package org.triangulate.matrices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.output.OutputFiles;
import org.triangulate.output.SpreadsheetText;

/** A CSV file of the matrices: a header and rows, every text cell formula-safe. */
final class MatrixCsv {

  private MatrixCsv() {}

  static void write(Path file, List<String> header, List<List<Object>> rows) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();
    OutputFiles.writeReadable(
        file,
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (List<Object> row : rows) {
              List<Object> cells = new ArrayList<>(row.size());
              row.forEach(v -> cells.add(SpreadsheetText.cell(v)));
              printer.printRecord(cells);
            }
          }
        });
  }

  /** A share as a number with four decimals, or an empty cell (R reads it as NA). */
  static Object share(double value) {
    return Double.isNaN(value)
        ? ""
        : new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_EVEN);
  }
}
