package org.triangulate.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes a transcript as a Word document with Apache POI, the way transcribers deliver them: one
 * paragraph per line of the canonical text, the speaker label (and timestamp) in bold. The
 * paragraphs' texts joined with line feeds are the canonical text, so planted offsets hold for it.
 * The document's dates are fixed and the container rewritten by {@link DeterministicZip}, so the
 * bytes depend only on the text. Stateless.
 */
final class DocxTranscriptWriter {

  private static final Pattern LABEL = Pattern.compile("^(\\[[0-9:]+\\] )?[^:\\s][^:]{0,30}: ");

  private DocxTranscriptWriter() {}

  static byte[] write(String canonicalText, String title, String date) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var core = document.getProperties().getCoreProperties();
      core.setCreated(date);
      core.setModified(date);
      core.setCreator("Transcription service");
      core.setTitle(title);
      String text =
          canonicalText.endsWith("\n")
              ? canonicalText.substring(0, canonicalText.length() - 1)
              : canonicalText;
      for (String line : text.split("\n", -1)) {
        XWPFParagraph paragraph = document.createParagraph();
        Matcher label = LABEL.matcher(line);
        if (label.find()) {
          XWPFRun bold = paragraph.createRun();
          bold.setBold(true);
          bold.setText(line.substring(0, label.end() - 1));
          paragraph.createRun().setText(line.substring(label.end() - 1));
        } else if (!line.isEmpty()) {
          paragraph.createRun().setText(line);
        }
      }
      document.write(out);
      return DeterministicZip.rewrite(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidFormatException e) {
      throw new IllegalArgumentException("not a W3CDTF date: " + date, e);
    }
  }
}
