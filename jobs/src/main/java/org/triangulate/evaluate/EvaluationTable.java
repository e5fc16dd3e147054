package org.triangulate.evaluate;

import java.util.List;
import java.util.Locale;

/** The evaluation as the command prints it and the docs show it: a Markdown table. */
public final class EvaluationTable {

  private EvaluationTable() {}

  public static String format(
      String study, List<Evaluation.QuoteFigures> quotes, Evaluation.AlignmentFigures alignment) {
    return format(study, quotes, alignment, null);
  }

  /**
   * @param quotable the alignment counted only at the quote threshold (or null)
   */
  public static String format(
      String study,
      List<Evaluation.QuoteFigures> quotes,
      Evaluation.AlignmentFigures alignment,
      Evaluation.AlignmentFigures quotable) {
    StringBuilder out = new StringBuilder();
    out.append("Study ").append(study).append(": quotes against planted truth\n\n");
    out.append("| pack | quotes | item precision | domain precision | answer agreement |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (Evaluation.QuoteFigures f : quotes) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s |%n",
              f.pack(),
              f.quotes(),
              percent(f.itemPrecision()),
              percent(f.domainPrecision()),
              f.answersShown() == 0 ? "not shown" : percent(f.answerAgreement())));
    }
    out.append('\n');
    if (alignment == null) {
      out.append("Alignment: none stored.\n");
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "Alignment recall %s (%d of %d planted passages), alignment precision %s (%d of %d"
                  + " aligned segments on planted passages)%n",
              percent(alignment.recall()),
              alignment.recalled(),
              alignment.passages(),
              percent(alignment.precision()),
              alignment.alignedCorrect(),
              alignment.alignedOverlapping()));
    }
    if (quotable != null) {
      out.append(
          String.format(
              Locale.ROOT,
              "At the quote threshold: recall %s (%d of %d), precision %s (%d of %d)%n",
              percent(quotable.recall()),
              quotable.recalled(),
              quotable.passages(),
              percent(quotable.precision()),
              quotable.alignedCorrect(),
              quotable.alignedOverlapping()));
    }
    return out.toString();
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }
}
