package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line structure of a text: where each line starts, counting CRLF, CR and LF each as one line
 * break (as Commons CSV counts them). Immutable.
 */
final class TextLines {

  private final String text;
  private final int[] starts;

  TextLines(String text) {
    this.text = text;
    List<Integer> found = new ArrayList<>();
    found.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      }
      if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
        found.add(i + 1);
      }
    }
    this.starts = found.stream().mapToInt(Integer::intValue).toArray();
  }

  int count() {
    return starts.length;
  }

  int start(int line) {
    return starts[line];
  }

  /** 0-based index of the line holding a character offset. */
  int lineIndexOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The line's text without its line break. */
  String line(int line) {
    int end = line + 1 < starts.length ? starts[line + 1] : text.length();
    return text.substring(starts[line], end).replaceAll("[\\r\\n]+$", "");
  }

  /** The first line at or after {@code line} with anything but spaces, or -1. */
  int firstNonBlankLineFrom(int line) {
    for (int i = Math.max(0, line); i < starts.length; i++) {
      if (!line(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
