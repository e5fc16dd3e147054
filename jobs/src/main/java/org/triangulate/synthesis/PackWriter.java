package org.triangulate.synthesis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.triangulate.output.OutputFiles;
import org.triangulate.output.SpreadsheetText;
import org.triangulate.workshop.WorkshopSaid;

/**
 * Writes one pack's folder: {@code index.html} (self-contained: inline CSS and SVG, no external
 * resource; all text escaped by Thymeleaf), {@code pack.pdf} (the same page rendered by {@link
 * PackPdf}) and {@code quotes.csv} with every quote's provenance. Each file is readable by everyone
 * (packs are handed to researchers) and appears whole or not at all. Thread-safe.
 */
public class PackWriter {

  private static final CSVFormat QUOTES =
      CSVFormat.RFC4180
          .builder()
          .setHeader(
              "pattern_id",
              "pattern_type",
              "item_id",
              "grouping",
              "group",
              "participant",
              "label",
              "case",
              "categories",
              "extract_id",
              "source_file",
              "start_offset",
              "end_offset",
              "speaker_answer",
              "speaker_importance",
              "alignment_score",
              "alignment_provenance",
              "text")
          .get();

  /** Where a pack folder records the content its files hold. */
  static final String CONTENT_FINGERPRINT = ".content.sha256";

  /** The files every pack folder holds, the content record last. */
  static final List<String> FILES =
      List.of("index.html", "pack.pdf", "quotes.csv", CONTENT_FINGERPRINT);

  private final ITemplateEngine templates;
  private final PackPdf pdf = new PackPdf();

  public PackWriter(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * The pack as the template sees it.
   *
   * @param caseId the case of a feedback pack, null for a workshop pack
   * @param patternTypes labels of the kinds of pattern the pack covers
   * @param answers headings of the answers A, in the order of the item tables' columns
   */
  public record PackView(
      String studyTitle,
      String packId,
      String packTitle,
      String caseId,
      long runId,
      LocalDate runDate,
      Map<String, Long> counts,
      List<String> groupings,
      List<String> patternTypes,
      List<JointDisplay> displays,
      Map<String, String> method,
      List<String> answers,
      List<ItemTables.ItemTable> itemTables,
      PackProvenance provenance) {

    public String fontFamily() {
      return PackPdf.FONT_FAMILY;
    }

    /** The same pack as another run writes it. */
    public PackView withRun(long otherRunId, LocalDate otherRunDate) {
      return stamped(otherRunId, otherRunDate, provenance);
    }

    /**
     * The page without what only names the night: its run, date and the checksums of its inputs
     * (any edited transcript changes those of every pack, most of which say the same as before).
     */
    PackView withoutNightStamp() {
      return stamped(0, LocalDate.EPOCH, provenance.withoutChecksums());
    }

    private PackView stamped(long otherRunId, LocalDate otherRunDate, PackProvenance inputs) {
      return new PackView(
          studyTitle,
          packId,
          packTitle,
          caseId,
          otherRunId,
          otherRunDate,
          counts,
          groupings,
          patternTypes,
          displays,
          method,
          answers,
          itemTables,
          inputs);
    }
  }

  /**
   * Writes the three files; returns the folder. A pack whose content equals what the folder holds
   * (the same page but for the run id, date and inputs' checksums) is left as it is: rendering the
   * PDF is most of a pack's cost, and a night that changed one transcript would otherwise spend it
   * on identical pages in every pack. The page then names the run that wrote it and that run's
   * inputs, which give the same numbers and quotes as tonight's.
   */
  public Path write(Path directory, PackView pack) {
    return write(directory, pack, null);
  }

  /**
   * {@link #write(Path, PackView)} with what the study's feedback workshops said under each pattern
   * (null: no workshop notes, and the page is as without them).
   */
  public Path write(Path directory, PackView pack, WorkshopSaid workshopSaid) {
    return write(directory, pack, workshopSaid, false);
  }

  /**
   * Writes the pack unless, when {@code evenIfCurrent} is false, the folder already holds this
   * content in readable files; {@code evenIfCurrent} is for folders this store did not write.
   */
  public Path write(
      Path directory, PackView pack, WorkshopSaid workshopSaid, boolean evenIfCurrent) {
    render(directory, pack, workshopSaid, evenIfCurrent);
    return directory;
  }

  /** As {@link #write(Path, PackView, WorkshopSaid, boolean)}; true when the files were written. */
  boolean render(Path directory, PackView pack, WorkshopSaid workshopSaid, boolean evenIfCurrent) {
    String quotes = quotesCsv(pack);
    String content = contentFingerprint(pack, workshopSaid, quotes);
    Path fingerprint = directory.resolve(CONTENT_FINGERPRINT);
    if (!evenIfCurrent && isCurrent(directory, fingerprint, content)) {
      return false;
    }
    String html = html(pack, workshopSaid);
    OutputFiles.writeReadable(directory.resolve("quotes.csv"), out -> out.write(quotes));
    OutputFiles.writeReadableBytes(
        directory.resolve("pack.pdf"),
        pdf.render(html, pack.packTitle() + " – " + pack.studyTitle(), pack.runDate()));
    OutputFiles.writeReadable(directory.resolve("index.html"), out -> out.write(html));
    // Last: a pack interrupted before this line is rewritten in full next time.
    OutputFiles.writeReadable(fingerprint, out -> out.write(content));
    return true;
  }

  private static boolean isCurrent(Path directory, Path fingerprint, String content) {
    try {
      return Files.isRegularFile(fingerprint)
          && Files.readString(fingerprint).equals(content)
          && FILES.stream()
              .allMatch(f ->
                  org.triangulate.fingerprint.BuiltOutputs.problem(directory.resolve(f)).isEmpty());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The page without its night stamp, as the template renders it, and the quotes' file: a quote's
   * index id, source offsets and alignment are in {@code quotes.csv} only, and an edit earlier in
   * its transcript moves them while the page stays the same.
   */
  private String contentFingerprint(PackView pack, WorkshopSaid workshopSaid, String quotes) {
    return DigestUtils.sha256Hex(html(pack.withoutNightStamp(), workshopSaid) + "\u0000" + quotes)
        + "\n";
  }

  private static String quotesCsv(PackView pack) {
    StringWriter out = new StringWriter();
    try {
      writeQuotes(out, pack);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  String html(PackView pack) {
    return html(pack, null);
  }

  String html(PackView pack, WorkshopSaid workshopSaid) {
    Context context = new Context();
    context.setVariable("pack", pack);
    context.setVariable("workshopSaid", workshopSaid);
    return templates.process("pack/index", context);
  }

  private static void writeQuotes(Writer out, PackView pack) throws IOException {
    try (CSVPrinter csv = QUOTES.print(out)) {
      for (JointDisplay display : pack.displays()) {
        for (JointDisplay.Row row : display.rows()) {
          for (JointDisplay.QuoteView view : row.quotes()) {
            Quote q = view.quote();
            csv.printRecord(
                Stream.of(
                        display.patternId(),
                        display.type(),
                        display.itemId(),
                        display.groupingLabel(),
                        row.group(),
                        q.participantId(),
                        view.label(),
                        q.caseId(),
                        String.join(";", q.categories()),
                        q.extractId(),
                        q.sourceFile(),
                        q.startOffset(),
                        q.endOffset(),
                        q.speakerAnswer() == null ? "" : q.speakerAnswer(),
                        q.speakerImportance() == null ? "" : q.speakerImportance(),
                        q.alignmentScore() == null
                            ? ""
                            : String.format(java.util.Locale.ROOT, "%.3f", q.alignmentScore()),
                        q.alignmentProvenance() == null ? "" : q.alignmentProvenance(),
                        q.text())
                    .map(SpreadsheetText::cell));
          }
        }
      }
    }
  }
}
