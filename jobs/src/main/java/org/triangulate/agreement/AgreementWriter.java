package org.triangulate.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.output.OutputFiles;
import org.triangulate.output.SpreadsheetText;

/**
 * Writes {@code agreement.csv} (one row per category and pair of coders) and {@code
 * disagreements.csv} (one row per segment, category and pair that disagree, with the segment's
 * de-identified text) into a folder. Undefined statistics are empty cells; text cells are
 * formula-safe. Stateless.
 */
public final class AgreementWriter {

  public static final String AGREEMENT_CSV = "agreement.csv";
  public static final String DISAGREEMENTS_CSV = "disagreements.csv";

  static final List<String> AGREEMENT_HEADER =
      List.of(
          "category",
          "category_label",
          "first_coder",
          "second_coder",
          "segments",
          "both",
          "first_only",
          "second_only",
          "neither",
          "observed_agreement",
          "cohens_kappa",
          "krippendorff_alpha",
          "first_share_of_text",
          "second_share_of_text");

  private static final int EXCERPT_CHARS = 300;

  private AgreementWriter() {}

  /**
   * @param labels category id to label
   * @param deidentifiedText a segment's de-identified text, by segment id
   */
  public static void write(
      Agreement agreement,
      Map<String, String> labels,
      Function<String, String> deidentifiedText,
      Path directory) {
    OutputFiles.writeReadable(
        directory.resolve(AGREEMENT_CSV),
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, format(AGREEMENT_HEADER))) {
            for (Agreement.Row row : agreement.rows()) {
              PairTable t = row.table();
              printer.printRecord(
                  cells(
                      row.category(),
                      labels.getOrDefault(row.category(), row.category()),
                      row.firstCoder(),
                      row.secondCoder(),
                      t.units(),
                      t.both(),
                      t.firstOnly(),
                      t.secondOnly(),
                      t.neither(),
                      number(t.observedAgreement()),
                      number(t.cohensKappa()),
                      number(t.krippendorffAlpha()),
                      number(t.firstShare()),
                      number(t.secondShare())));
            }
          }
        });
    OutputFiles.writeReadable(
        directory.resolve(DISAGREEMENTS_CSV),
        writer -> {
          try (CSVPrinter printer =
              new CSVPrinter(
                  writer,
                  format(
                      List.of(
                          "segment_id",
                          "participant_id",
                          "category",
                          "coded_by",
                          "not_coded_by",
                          "text")))) {
            for (Agreement.Disagreement d : agreement.disagreements()) {
              printer.printRecord(
                  cells(
                      d.segmentId(),
                      d.participantId(),
                      d.category(),
                      d.codedBy(),
                      d.notCodedBy(),
                      excerpt(deidentifiedText.apply(d.segmentId()))));
            }
          }
        });
  }

  /**
   * Four decimals, or empty when undefined. A number, not text, so a negative value is not taken
   * for a formula.
   */
  static Object number(double value) {
    return Double.isNaN(value) ? "" : new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN);
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
  }

  private static List<Object> cells(Object... values) {
    List<Object> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(SpreadsheetText.cell(value));
    }
    return cells;
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader(header.toArray(String[]::new))
        .setRecordSeparator('\n')
        .get();
  }
}
