package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The plain text of a Word document (Apache POI): one line per paragraph in body order, line breaks
 * inside a paragraph kept, a table row as its cells joined by {@code " | "}. Headers, footers and
 * comments are not transcript text and are left out. Stateless.
 */
final class DocxText {

  private DocxText() {}

  /**
   * A table row as a line: two cells whose first is a short speaker name ({@code Interviewer |
   * text}, the table layout many typists use) as {@code Interviewer: text}; other rows as their
   * cells joined by {@code " | "}.
   */
  static String asTurn(List<String> cells) {
    if (cells.size() == 2) {
      String speaker = cells.get(0).replaceFirst(":$", "").strip();
      if (!speaker.isEmpty()
          && speaker.length() <= 40
          && !speaker.contains("\n")
          && !speaker.contains(":")
          && !cells.get(1).isBlank()) {
        return speaker + ": " + cells.get(1);
      }
    }
    return String.join(" | ", cells);
  }

  private static void checkExpandedSize(byte[] bytes, InputLimits limits) {
    long maxXml = limits.maxDocxXmlSize().toBytes();
    long maxAll = limits.maxArchiveSize().toBytes();
    long xml = 0;
    long all = 0;
    int entries = 0;
    byte[] buffer = new byte[8192];
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > limits.maxArchiveEntries()) {
          throw new InvalidRecordException(
              "the Word file holds more than "
                  + limits.maxArchiveEntries()
                  + " parts, over the cap (triangulate.input.max-archive-entries); not read");
        }
        String name = entry.getName().toLowerCase(Locale.ROOT);
        boolean isXml = name.endsWith(".xml") || name.endsWith(".rels");
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          all += n;
          xml += isXml ? n : 0;
          if (xml > maxXml) {
            throw new InvalidRecordException(
                "the Word file's XML expands to more than "
                    + InputLimits.describe(maxXml)
                    + " ("
                    + bytes.length
                    + " bytes on disk), over the cap (triangulate.input.max-docx-xml-size); not"
                    + " read");
          }
          if (all > maxAll) {
            throw new InvalidRecordException(
                "the Word file expands to more than "
                    + InputLimits.describe(maxAll)
                    + ", over the cap (triangulate.input.max-archive-size); not read");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidRecordException invalid) {
        throw invalid;
      }
      throw new InvalidRecordException(
          "not a readable .docx (Word) file: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
  }

  static String extract(byte[] bytes) {
    return extract(bytes, InputLimits.DEFAULTS);
  }

  /**
   * The document's text, or an {@link InvalidRecordException} when it is not a readable Word file
   * or expands past the caps: its XML past {@code max-docx-xml-size}, all its parts past {@code
   * max-archive-size}, or more parts than {@code max-archive-entries}. The caps are checked on a
   * streaming pass that holds nothing, before POI builds the document in memory.
   */
  static String extract(byte[] bytes, InputLimits limits) {
    checkExpandedSize(bytes, limits);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<String> lines = new ArrayList<>();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          lines.add(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            List<String> cells =
                row.getTableCells().stream().map(c -> c.getText().strip()).toList();
            lines.add(asTurn(cells));
          }
        }
      }
      return String.join("\n", lines);
    } catch (Exception | LinkageError e) {
      // POI signals a damaged or non-Word file with many exception types; all mean the same here.
      throw new InvalidRecordException(
          "not a readable .docx (Word) file: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
  }
}
