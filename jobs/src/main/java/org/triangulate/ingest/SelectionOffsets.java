package org.triangulate.ingest;

import java.text.Normalizer;

/**
 * Turns a REFI-QDA selection's positions into offsets into the canonical text (NFC, LF) of its
 * source. Positions count characters (Unicode code points, as the standard says) or, for NVivo,
 * UTF-16 units, so a character outside the Basic Multilingual Plane counts once or twice. A source
 * with CRLF line endings is ambiguous: some tools count CRLF as two characters, some as one; the
 * selection's name (tools often name a selection by its text) decides when it can, else the
 * standard's reading (every character of the file) wins. Stateless.
 */
final class SelectionOffsets {

  private SelectionOffsets() {}

  /** {@code [start, end)} in {@link TranscriptText#canonical} of {@code raw}. */
  static int[] toCanonical(String raw, long start, long end, boolean utf16Units, String name) {
    if (end <= start) {
      throw new InvalidRecordException(
          "selection "
              + start
              + "-"
              + end
              + " is empty or reversed (endPosition must be after startPosition)");
    }
    int[] direct = indices(raw, start, end, utf16Units);
    if (raw.indexOf('\r') >= 0 && name != null && !name.isBlank()) {
      String lf = raw.replace("\r\n", "\n");
      int[] alternative = tryIndices(lf, start, end, utf16Units);
      if ((direct == null || !matchesName(raw.substring(direct[0], direct[1]), name))
          && alternative != null
          && matchesName(lf.substring(alternative[0], alternative[1]), name)) {
        return new int[] {canonicalIndex(lf, alternative[0]), canonicalIndex(lf, alternative[1])};
      }
    }
    if (direct == null) {
      throw new InvalidRecordException(
          "selection "
              + start
              + "-"
              + end
              + " lies outside the source text ("
              + (utf16Units ? raw.length() : raw.codePointCount(0, raw.length()))
              + " characters)");
    }
    return new int[] {canonicalIndex(raw, direct[0]), canonicalIndex(raw, direct[1])};
  }

  private static int[] indices(String text, long start, long end, boolean utf16Units) {
    return tryIndices(text, start, end, utf16Units);
  }

  private static int[] tryIndices(String text, long start, long end, boolean utf16Units) {
    long length = utf16Units ? text.length() : text.codePointCount(0, text.length());
    if (start < 0 || end > length) {
      return null;
    }
    if (utf16Units) {
      return new int[] {(int) start, (int) end};
    }
    int from = text.offsetByCodePoints(0, (int) start);
    int to = text.offsetByCodePoints(from, (int) (end - start));
    return new int[] {from, to};
  }

  /** The index in the canonical text that a raw index maps to. */
  static int canonicalIndex(String raw, int index) {
    String prefix = raw.substring(0, index);
    if (prefix.startsWith("\uFEFF")) {
      prefix = prefix.substring(1);
    }
    prefix = prefix.replace("\r\n", "\n").replace('\r', '\n');
    // A CR at the cut whose LF lies beyond it is half a line break: it maps to the LF's position.
    return Normalizer.normalize(prefix, Normalizer.Form.NFC).length();
  }

  private static boolean matchesName(String selected, String name) {
    String a = selected.replaceAll("\\s+", " ").strip();
    String b = name.replaceAll("\\s+", " ").strip().replaceAll("(\\.\\.\\.|…)$", "").strip();
    // Tools name a selection by its text, sometimes cut short; a short name must match in full.
    return !b.isEmpty() && (a.equals(b) || (b.length() >= 12 && a.startsWith(b)));
  }
}
