package org.triangulate.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A highlighted piece of transcript text as plain parts, each marked (a search match) or not.
 * Elasticsearch wraps matches in the control characters {@link #START} and {@link #END} rather than
 * HTML tags, so the text never has to be trusted as markup: templates print every part escaped and
 * wrap marked ones in {@code <mark>}. Immutable.
 */
public record MarkedText(List<Part> parts) {

  public static final String START = "\u0001";
  public static final String END = "\u0002";

  public MarkedText {
    parts = List.copyOf(parts);
  }

  public record Part(String text, boolean marked) {}

  /**
   * Splits a fragment at the markers. Markers out of place (a start inside a match, an end outside
   * one) are dropped rather than trusted, so a stray control character in a transcript can at worst
   * shift a highlight, never leak into the output.
   */
  public static MarkedText parse(String fragment) {
    List<Part> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean marked = false;
    for (int i = 0; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (c == START.charAt(0) || c == END.charAt(0)) {
        boolean opens = c == START.charAt(0);
        if (opens != marked) {
          add(parts, current, marked);
          marked = opens;
        }
      } else {
        current.append(c);
      }
    }
    add(parts, current, marked);
    return new MarkedText(parts);
  }

  private static void add(List<Part> parts, StringBuilder text, boolean marked) {
    if (text.isEmpty()) {
      return;
    }
    if (!parts.isEmpty() && parts.getLast().marked() == marked) {
      // A match ending where the next begins ("<m>peer</m><m>work</m>") reads as one part.
      Part last = parts.removeLast();
      parts.add(new Part(last.text() + text, marked));
    } else {
      parts.add(new Part(text.toString(), marked));
    }
    text.setLength(0);
  }

  public String plainText() {
    StringBuilder text = new StringBuilder();
    parts.forEach(p -> text.append(p.text()));
    return text.toString();
  }

  public boolean hasMarks() {
    return parts.stream().anyMatch(Part::marked);
  }
}
