package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The packs' charts in the PDF: text as text, anchored as SVG says, shapes where they belong. */
class ChartSvgDrawerTest {

  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);

  @Test
  void setsChartTextAsTextAnchoredAtItsStartMiddleAndEnd() throws Exception {
    // given a chart 800 units wide with a label at its left edge, one centred and one at its right
    byte[] pdf =
        render(
            """
            <rect x="0" y="0" width="800" height="100" fill="#b2182b"/>
            <text x="0" y="60" font-size="11" fill="#1d1d1f">Left</text>
            <text x="400" y="60" font-size="10" text-anchor="middle" fill="#ffffff">Middle</text>
            <text x="800" y="60" font-size="11" font-weight="bold" text-anchor="end">Right</text>
            """);

    // when the PDF's text is read back
    List<Word> words = words(pdf);

    // then each label is text, in the page's text, not an outline
    assertThat(words).extracting(Word::text).containsExactly("Left", "Middle", "Right");
    Word left = words.get(0);
    Word middle = words.get(1);
    Word right = words.get(2);
    // and the centred label's centre lies halfway between the chart's edges
    assertThat((middle.start() + middle.end()) / 2)
        .isCloseTo((left.start() + right.end()) / 2, within(1.0));
    // and all three sit on the same baseline
    assertThat(middle.baseline()).isCloseTo(left.baseline(), within(0.5));
    assertThat(right.baseline()).isCloseTo(left.baseline(), within(0.5));
  }

  @Test
  void fillsTheChartsRectanglesWithTheirColour() throws Exception {
    // given a chart whose background is one red rectangle
    byte[] pdf =
        render(
            """
            <rect x="0" y="0" width="800" height="100" fill="#b2182b"/>
            <text x="0" y="60" font-size="11">Left</text>
            <text x="800" y="60" font-size="11" text-anchor="end">Right</text>
            """);
    List<Word> words = words(pdf);
    double left = words.get(0).start();
    double right = words.get(1).end();
    double baseline = words.get(0).baseline();

    // when the page is drawn at 72 dpi (a pixel a point)
    BufferedImage page;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      page = new PDFRenderer(document).renderImage(0, 1);
    }

    // then the rectangle is red between the labels, and the page is white below the chart
    Color inside = new Color(page.getRGB((int) (left + 0.7 * (right - left)), (int) baseline));
    assertThat(inside.getRed()).isBetween(0xa2, 0xc2);
    assertThat(inside.getGreen()).isBetween(0x08, 0x28);
    assertThat(inside.getBlue()).isBetween(0x1b, 0x3b);
    Color below = new Color(page.getRGB((int) (left + 0.7 * (right - left)), (int) baseline + 80));
    assertThat(below).isEqualTo(Color.WHITE);
  }

  @Test
  void refusesSvgItDoesNotDrawNamingTheElement() {
    // given a chart with a path, which the pack template never writes
    String chart = "<path d=\"M0 0 L10 10\" stroke=\"#000000\"/>";

    // when it is rendered, then the pack fails naming what would be missing
    assertThatThrownBy(() -> render(chart)).hasStackTraceContaining("<path>");
  }

  private static byte[] render(String chartBody) {
    String html =
        """
        <!DOCTYPE html>
        <html><head><style>body { font-family: "DejaVu Sans Condensed"; margin: 0; }
        .chart svg { width: 100%; height: auto; }</style></head>
        <body><div class="chart">
        <svg font-family="DejaVu Sans Condensed" width="800" height="100" viewBox="0 0 800 100">
        """
            + chartBody
            + "</svg></div><p>After</p></body></html>";
    return new PackPdf().render(html, "Chart test", NIGHT);
  }

  private record Word(String text, double start, double end, double baseline) {}

  /** The words of page 1 but "After", with where their glyphs start and end, in points. */
  private static List<Word> words(byte[] pdf) throws IOException {
    List<Word> words = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs) {
              // A word ends at a space or where the next glyph does not follow on.
              StringBuilder word = new StringBuilder();
              TextPosition first = null;
              TextPosition last = null;
              for (TextPosition glyph : glyphs) {
                boolean apart =
                    last != null
                        && glyph.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj()) > 1;
                if (glyph.getUnicode().isBlank() || apart) {
                  add(word, first, last);
                  word.setLength(0);
                  first = null;
                }
                if (!glyph.getUnicode().isBlank()) {
                  word.append(glyph.getUnicode());
                  first = first == null ? glyph : first;
                  last = glyph;
                }
              }
              add(word, first, last);
            }

            private void add(StringBuilder word, TextPosition first, TextPosition last) {
              if (first != null && !word.toString().equals("After")) {
                words.add(
                    new Word(
                        word.toString(),
                        first.getXDirAdj(),
                        last.getXDirAdj() + last.getWidthDirAdj(),
                        first.getYDirAdj()));
              }
            }
          };
      stripper.setSortByPosition(true);
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      stripper.getText(document);
    }
    return words;
  }
}
