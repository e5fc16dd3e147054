package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
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

  @Test
  void theTableDirectorysSearchFieldsMatchItsNewTableCount() throws Exception {
    // given the bundled faces
    for (String face : List.of("", "-Bold", "-Oblique")) {
      byte[] bundled;
      try (InputStream in =
          getClass().getResourceAsStream("/fonts/DejaVuSansCondensed" + face + ".ttf")) {
        bundled = in.readAllBytes();
      }
      int before = Short.toUnsignedInt(ByteBuffer.wrap(bundled).getShort(4));

      // when GSUB is left out
      ByteBuffer stripped = ByteBuffer.wrap(PackPdf.withoutGlyphSubstitution(bundled));

      // then searchRange, entrySelector and rangeShift are those of one table fewer, worked out
      // from their definitions: (largest power of two <= n) * 16, its log2, n * 16 - searchRange
      int tables = Short.toUnsignedInt(stripped.getShort(4));
      assertThat(tables).as(face).isEqualTo(before - 1);
      int power = 1;
      int log = 0;
      while (power * 2 <= tables) {
        power *= 2;
        log++;
      }
      assertThat(Short.toUnsignedInt(stripped.getShort(6))).as(face).isEqualTo(power * 16);
      assertThat(Short.toUnsignedInt(stripped.getShort(8))).as(face).isEqualTo(log);
      assertThat(Short.toUnsignedInt(stripped.getShort(10)))
          .as(face)
          .isEqualTo(tables * 16 - power * 16);
    }
  }

  private static TrueTypeFont parse(byte[] ttf) throws Exception {
    return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
  }
}
