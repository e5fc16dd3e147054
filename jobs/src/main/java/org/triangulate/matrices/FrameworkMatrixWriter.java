package org.triangulate.matrices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.triangulate.output.OutputFiles;

/**
 * Writes {@code framework.html} (self-contained; every value escaped by the template engine) and
 * {@code framework.csv} (one row per case and category: speakers, in-place answers, answered,
 * share, quotes and the search link; text cells formula-safe). Thread-safe.
 */
public final class FrameworkMatrixWriter {

  public static final String HTML = "framework.html";
  public static final String CSV = "framework.csv";

  private final ITemplateEngine templates;

  public FrameworkMatrixWriter(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** What the template shows. */
  public record View(String studyTitle, long runId, FrameworkMatrix matrix) {}

  public void write(View view, Path directory) {
    Context context = new Context();
    context.setVariable("view", view);
    String html = templates.process("matrices/framework", context);
    OutputFiles.writeReadable(directory.resolve(HTML), writer -> writer.write(html));
    List<List<Object>> rows = new ArrayList<>();
    FrameworkMatrix matrix = view.matrix();
    for (FrameworkMatrix.Row row : matrix.rows()) {
      for (int i = 0; i < matrix.columns().size(); i++) {
        FrameworkMatrix.Column column = matrix.columns().get(i);
        FrameworkMatrix.Cell cell = row.cells().get(i);
        rows.add(
            List.of(
                row.caseId(),
                column.categoryId(),
                column.label(),
                row.participants(),
                cell.speakers(),
                cell.inPlace(),
                cell.answered(),
                MatrixCsv.share(cell.inPlaceShare()),
                cell.quotes().stream()
                    .map(q -> q.participantId() + ": " + q.text())
                    .collect(Collectors.joining("\n")),
                cell.searchUrl()));
      }
    }
    MatrixCsv.write(
        directory.resolve(CSV),
        List.of(
            "case_id",
            "category",
            "category_label",
            "participants",
            "speakers",
            "in_place",
            "answered",
            "in_place_share",
            "quotes",
            "search"),
        rows);
  }
}
