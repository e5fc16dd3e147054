package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class PackFontsTest {

  @Test
  void theBundledFontLosesItsGlyphSubstitutionTableAndNothingElse() throws Exception {
    // given the bundled regular face, which has a GSUB table with f-ligatures
    byte[] bundled;
    try (InputStream in = getClass().getResourceAsStream("/fonts/DejaVuSansCondensed.ttf")) {
      bundled = in.readAllBytes();
    }
    TrueTypeFont original = parse(bundled);
    assertThat(original.getTableMap()).containsKey("GSUB");
    assertThat(original.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);

    // when the table is left out
    TrueTypeFont stripped = parse(PackPdf.withoutGlyphSubstitution(bundled));

    // then the font has no glyph substitution
    assertThat(stripped.getTableMap()).doesNotContainKey("GSUB");
    assertThat(stripped.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
    // and every other table is still there with the same glyphs, names and metrics
    assertThat(stripped.getTableMap().keySet())
        .containsExactlyInAnyOrderElementsOf(
            original.getTableMap().keySet().stream().filter(t -> !t.equals("GSUB")).toList());
    assertThat(stripped.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
    assertThat(stripped.getName()).isEqualTo("DejaVuSansCondensed");
    for (char c : "fiflffé€–".toCharArray()) {
      int glyph = original.getUnicodeCmapLookup().getGlyphId(c);
      assertThat(glyph).as("%s", c).isPositive();
      assertThat(stripped.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isEqualTo(glyph);
      assertThat(stripped.getAdvanceWidth(glyph)).isEqualTo(original.getAdvanceWidth(glyph));
      assertThat(stripped.getGlyph().getGlyph(glyph).getBoundingBox().toString())
          .isEqualTo(original.getGlyph().getGlyph(glyph).getBoundingBox().toString());
    }
  }

  private static TrueTypeFont parse(byte[] ttf) throws Exception {
    return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
  }
}
