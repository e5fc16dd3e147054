package org.triangulate.synthesis;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.triangulate.OutputFiles;

/**
 * Writes one pack's folder: {@code index.html} (self-contained: inline CSS and SVG, no external
 * resource; all text escaped by Thymeleaf) and {@code quotes.csv} with every quote's provenance.
 */
public class PackWriter {

  private static final CSVFormat QUOTES =
      CSVFormat.RFC4180
          .builder()
          .setHeader(
              "pattern_id",
              "pattern_type",
              "grouping",
              "group",
              "participant",
              "case",
              "categories",
              "extract_id",
              "source_file",
              "start_offset",
              "end_offset",
              "text")
          .get();

  private final ITemplateEngine templates;

  public PackWriter(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The pack as the template sees it. */
  public record PackView(
      String studyTitle,
      String packId,
      String packTitle,
      long runId,
      String runDate,
      Map<String, Long> counts,
      List<String> groupings,
      List<JointDisplay> displays,
      Map<String, String> method) {}

  /** Each file appears whole or not at all: written beside its target, then moved into place. */
  public Path write(Path directory, PackView pack) {
    Context context = new Context();
    context.setVariable("pack", pack);
    String html = templates.process("pack/index", context);
    OutputFiles.write(directory.resolve("quotes.csv"), out -> writeQuotes(out, pack.displays()));
    return OutputFiles.writeString(directory.resolve("index.html"), html);
  }

  private static void writeQuotes(Writer out, List<JointDisplay> displays) throws IOException {
    try (CSVPrinter csv = QUOTES.print(out)) {
      for (JointDisplay display : displays) {
        for (JointDisplay.Row row : display.rows()) {
          for (JointDisplay.QuoteView view : row.quotes()) {
            Quote q = view.quote();
            csv.printRecord(
                display.patternId(),
                display.type(),
                display.groupingLabel(),
                row.group(),
                q.participantId(),
                q.caseId(),
                String.join(";", q.categories()),
                q.extractId(),
                q.sourceFile(),
                q.startOffset(),
                q.endOffset(),
                q.text());
          }
        }
      }
    }
  }
}
