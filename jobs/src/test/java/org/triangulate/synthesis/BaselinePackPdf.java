package org.triangulate.synthesis;

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
import java.util.logging.Level;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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

  /** The metadata fixed as now, but by loading the rendered bytes and saving them again. */
  private static byte[] withFixedMetadata(
      byte[] pdf, String title, LocalDate runDate, byte[] digest) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PackPdf.fixMetadata(document, title, runDate, digest);
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
