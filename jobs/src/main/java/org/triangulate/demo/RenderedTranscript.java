package org.triangulate.demo;

import java.util.List;

/**
 * A transcript's canonical text (NFC, LF) with its identifier spans and the participant passages
 * about each item, all as UTF-16 indices into {@code text}; {@link #codePoint} converts them to the
 * code point offsets REFI-QDA and planted.yml use. Immutable.
 */
record RenderedTranscript(
    String text, List<SpannedText.Span> identifiers, List<SpannedText.Span> passages) {

  RenderedTranscript {
    identifiers = List.copyOf(identifiers);
    passages = List.copyOf(passages);
  }

  int codePoint(int utf16Index) {
    return text.codePointCount(0, utf16Index);
  }

  int words() {
    return SpannedText.words(text);
  }
}
