package org.triangulate.agreement;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The packs' method appendix lines on agreement, read from the night's {@code agreement.csv}: how
 * it was computed, then one line per category that any two coders both saw and either coded.
 * Nothing when the night wrote no agreement (a study with a single coder). Stateless.
 */
public final class AgreementAppendix {

  private AgreementAppendix() {}

  public static Map<String, String> lines(Path agreementDirectory) {
    Path csv = agreementDirectory.resolve(AgreementWriter.AGREEMENT_CSV);
    Map<String, String> lines = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return lines;
    }
    Map<String, List<String>> byCategory = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        long coded =
            Long.parseLong(r.get("both"))
                + Long.parseLong(r.get("first_only"))
                + Long.parseLong(r.get("second_only"));
        if (coded == 0) {
          continue;
        }
        byCategory
            .computeIfAbsent(r.get("category_label"), c -> new ArrayList<>())
            .add(
                String.format(
                    Locale.ROOT,
                    "%s and %s: κ %s, α %s over %s segments (coded %s and %s of their text)",
                    r.get("first_coder"),
                    r.get("second_coder"),
                    shown(r.get("cohens_kappa")),
                    shown(r.get("krippendorff_alpha")),
                    r.get("segments"),
                    percent(r.get("first_share_of_text")),
                    percent(r.get("second_share_of_text"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    if (byCategory.isEmpty()) {
      return lines;
    }
    lines.put(
        "Agreement between coders",
        "Per category, Cohen's kappa (κ) and Krippendorff's alpha (α, nominal) between every two"
            + " coders over the participant turns both saw, a turn neither coded counting as"
            + " agreement that the category is absent; in full, with every disagreeing turn, in"
            + " agreement/agreement.csv and agreement/disagreements.csv.");
    byCategory.forEach(
        (label, pairs) -> lines.put("Agreement: " + label, String.join("; ", pairs)));
    return lines;
  }

  private static String shown(String value) {
    return value.isEmpty() ? "undefined" : String.format(Locale.ROOT, "%.2f", number(value));
  }

  private static String percent(String share) {
    return share.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f%%", number(share) * 100);
  }

  /** A cell's number; a spreadsheet may have saved a negative one as text behind an apostrophe. */
  private static double number(String cell) {
    return Double.parseDouble(cell.startsWith("'") ? cell.substring(1) : cell);
  }
}
