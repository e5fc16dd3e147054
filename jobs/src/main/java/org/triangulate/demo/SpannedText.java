package org.triangulate.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Text being built, with the spans (UTF-16 indices, end exclusive) of the identifying details and
 * labelled passages in it, so their offsets survive every later prepend and append. Mutable; one
 * per transcript under construction.
 */
final class SpannedText {

  /**
   * A marked range of the text: an identifier of {@code kind}, or an item's passage; {@code
   * heldOut} marks a name drawn from those the study's lists never hold.
   */
  record Span(int start, int end, String kind, boolean heldOut) {
    Span(int start, int end, String kind) {
      this(start, end, kind, false);
    }
  }

  private final StringBuilder text = new StringBuilder();
  private final List<Span> spans = new ArrayList<>();

  SpannedText append(String plain) {
    text.append(plain);
    return this;
  }

  SpannedText append(String value, String kind) {
    return append(value, kind, false);
  }

  SpannedText append(String value, String kind, boolean heldOut) {
    int start = text.length();
    text.append(value);
    spans.add(new Span(start, text.length(), kind, heldOut));
    return this;
  }

  SpannedText append(SpannedText other) {
    int offset = text.length();
    text.append(other.text);
    other.spans.forEach(
        s -> spans.add(new Span(s.start() + offset, s.end() + offset, s.kind(), s.heldOut())));
    return this;
  }

  /** Marks a range already in the text. */
  void mark(int start, int end, String kind) {
    spans.add(new Span(start, end, kind));
  }

  /** Upper-cases the first character (sentence start); spans keep their places. */
  SpannedText capitalised() {
    if (!text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
      text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
    }
    return this;
  }

  int length() {
    return text.length();
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  String text() {
    return text.toString();
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }

  static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
