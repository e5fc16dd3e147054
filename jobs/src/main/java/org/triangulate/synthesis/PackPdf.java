package org.triangulate.synthesis;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Renders a pack's HTML as PDF with openhtmltopdf: the HTML is parsed by jsoup (HTML5 rules, so the
 * template need not be XHTML), the inline SVG charts are drawn by {@link ChartSvgDrawer}, and the
 * bundled DejaVu Sans Condensed is embedded (subset), so the PDF looks the same on every machine;
 * text is set without f-ligatures (see {@link #withoutGlyphSubstitution}). Nothing is fetched:
 * every external resource is refused. The document's dates are the run date and its file id is
 * derived from the HTML, so the same pack gives the same bytes. Thread-safe.
 */
final class PackPdf {

  static final String FONT_FAMILY = "DejaVu Sans Condensed";

  private static final String FONTS = "/fonts/";

  /** Where a TrueType font's table records (tag, checksum, offset, length) begin. */
  private static final int TABLE_RECORDS = 12;

  private static final int TABLE_RECORD_SIZE = 16;

  private static final int GSUB = ('G' << 24) | ('S' << 16) | ('U' << 8) | 'B';

  // Read once; each document parses its own font objects from these bytes, so packs rendered at
  // the same time share nothing but an array no one writes.
  private static final byte[] REGULAR = bundledFont("DejaVuSansCondensed.ttf");
  private static final byte[] BOLD = bundledFont("DejaVuSansCondensed-Bold.ttf");
  private static final byte[] OBLIQUE = bundledFont("DejaVuSansCondensed-Oblique.ttf");

  static {
    // openhtmltopdf logs every font load and layout pass at INFO; keep its warnings and errors.
    XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

  byte[] render(String html, String title, LocalDate runDate) {
    org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder =
        new PdfRendererBuilder()
            .useFastMode()
            .withW3cDocument(document, null)
            .useSVGDrawer(new ChartSvgDrawer())
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
            .withProducer("Triangulate");
    font(builder, REGULAR, 400, FontStyle.NORMAL);
    font(builder, BOLD, 700, FontStyle.NORMAL);
    font(builder, OBLIQUE, 400, FontStyle.ITALIC);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      // Kept open so the metadata is fixed before the one save, not by loading and saving again.
      try (PDDocument pdf = renderer.createPDFKeepOpen()) {
        fixMetadata(pdf, title, runDate, DigestUtils.sha256(html));
        pdf.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the pack as PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Replaces what PDFBox and openhtmltopdf take from the clock (creation date, a time-based file
   * id) and the page's other meta tags by the title, the run date and a digest of the content.
   */
  static void fixMetadata(PDDocument pdf, String title, LocalDate runDate, byte[] digest) {
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(title);
    info.setProducer("Triangulate");
    info.setCreator("Triangulate");
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    date.clear();
    date.set(runDate.getYear(), runDate.getMonthValue() - 1, runDate.getDayOfMonth());
    info.setCreationDate(date);
    info.setModificationDate(date);
    pdf.setDocumentInformation(info);
    byte[] id = Arrays.copyOf(digest, 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static void font(PdfRendererBuilder builder, byte[] ttf, int weight, FontStyle style) {
    builder.useFont(() -> new ByteArrayInputStream(ttf), FONT_FAMILY, weight, style, true);
  }

  /**
   * A bundled font's bytes with its glyph substitution table (GSUB) left out. For Latin text that
   * table only holds the f-ligatures (ff, fi, fl, ffi, ffl), which PDFBox would apply to every
   * string it draws, at a cost, and which make a word or a SHA-256 copied out of the PDF read as
   * something else ("ﬀ" is one character). Line breaks do not move: openhtmltopdf measures text
   * glyph by glyph, without ligatures, either way. The table directory's search fields are
   * recomputed for one table fewer, as the TrueType specification defines them.
   */
  static byte[] withoutGlyphSubstitution(byte[] ttf) {
    ByteBuffer font = ByteBuffer.wrap(ttf.clone());
    int tables = Short.toUnsignedInt(font.getShort(4));
    for (int i = 0; i < tables; i++) {
      int record = TABLE_RECORDS + i * TABLE_RECORD_SIZE;
      if (font.getInt(record) == GSUB) {
        // Later records move up over this one; table data keeps its offsets.
        int end = TABLE_RECORDS + tables * TABLE_RECORD_SIZE;
        System.arraycopy(
            ttf,
            record + TABLE_RECORD_SIZE,
            font.array(),
            record,
            end - record - TABLE_RECORD_SIZE);
        Arrays.fill(font.array(), end - TABLE_RECORD_SIZE, end, (byte) 0);
        writeTableCount(font, tables - 1);
        return font.array();
      }
    }
    return font.array();
  }

  /**
   * numTables and the binary-search fields derived from it: searchRange, entrySelector, rangeShift.
   */
  private static void writeTableCount(ByteBuffer font, int tables) {
    int power = Integer.highestOneBit(tables);
    font.putShort(4, (short) tables);
    font.putShort(6, (short) (power * TABLE_RECORD_SIZE));
    font.putShort(8, (short) Integer.numberOfTrailingZeros(power));
    font.putShort(10, (short) ((tables - power) * TABLE_RECORD_SIZE));
  }

  private static byte[] bundledFont(String file) {
    try (InputStream in = PackPdf.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the classpath: " + FONTS + file);
      }
      return withoutGlyphSubstitution(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the font " + FONTS + file, e);
    }
  }
}
