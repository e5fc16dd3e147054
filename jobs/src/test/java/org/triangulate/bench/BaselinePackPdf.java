package org.triangulate.bench;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The pack renderer as it was at 9dfdccb (before the pack-speed work), kept verbatim so {@link
 * PackRenderBenchmark} can time it beside the current one in the same JVM. Not used by the
 * pipeline.
 */
final class BaselinePackPdf {

  static final String FONT_FAMILY = "DejaVu Sans Condensed";

  private static final String FONTS = "/fonts/";

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
            .useSVGDrawer(new BatikSVGDrawer())
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
            .withProducer("Triangulate")
            .toStream(out);
    font(builder, "DejaVuSansCondensed.ttf", 400, FontStyle.NORMAL);
    font(builder, "DejaVuSansCondensed-Bold.ttf", 700, FontStyle.NORMAL);
    font(builder, "DejaVuSansCondensed-Oblique.ttf", 400, FontStyle.ITALIC);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDF();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the pack as PDF: " + e.getMessage(), e);
    }
    return withFixedMetadata(out.toByteArray(), title, runDate, DigestUtils.sha256(html));
  }

  /**
   * Replaces what PDFBox and openhtmltopdf take from the clock (creation date, a time-based file
   * id) and the page's other meta tags by the title, the run date and a digest of the content.
   */
  private static byte[] withFixedMetadata(
      byte[] pdf, String title, LocalDate runDate, byte[] digest) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setProducer("Triangulate");
      info.setCreator("Triangulate");
      Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      date.clear();
      date.set(runDate.getYear(), runDate.getMonthValue() - 1, runDate.getDayOfMonth());
      info.setCreationDate(date);
      info.setModificationDate(date);
      document.setDocumentInformation(info);
      byte[] id = Arrays.copyOf(digest, 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set the pack PDF's metadata: " + e.getMessage(), e);
    }
  }

  private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
    builder.useFont(() -> fontStream(file), FONT_FAMILY, weight, style, true);
  }

  private static InputStream fontStream(String file) {
    InputStream in = BaselinePackPdf.class.getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new IllegalStateException("font missing from the classpath: " + FONTS + file);
    }
    return in;
  }
}
