package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
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

  static String extract(byte[] bytes) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<String> lines = new ArrayList<>();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          lines.add(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            lines.add(
                String.join(
                    " | ", row.getTableCells().stream().map(c -> c.getText().strip()).toList()));
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
