package org.triangulate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A keyword-in-context line: a match with the words before and after it, cut to about {@value
 * #CONTEXT} characters at word boundaries ("…" where cut), for a concordance view. Immutable.
 */
public record Kwic(String left, String match, String right) {

  static final int CONTEXT = 60;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** One line per marked part of the text, in order. */
  static List<Kwic> of(MarkedText text) {
    List<Kwic> lines = new ArrayList<>();
    List<MarkedText.Part> parts = text.parts();
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).marked()) {
        continue;
      }
      StringBuilder before = new StringBuilder();
      for (int j = i - 1; j >= 0 && before.length() < CONTEXT; j--) {
        before.insert(0, parts.get(j).text());
      }
      StringBuilder after = new StringBuilder();
      for (int j = i + 1; j < parts.size() && after.length() < CONTEXT; j++) {
        after.append(parts.get(j).text());
      }
      lines.add(new Kwic(left(before.toString()), parts.get(i).text(), right(after.toString())));
    }
    return lines;
  }

  private static String left(String text) {
    String flat = SPACES.matcher(text).replaceAll(" ");
    if (flat.length() <= CONTEXT) {
      return flat;
    }
    String cut = flat.substring(flat.length() - CONTEXT);
    int space = cut.indexOf(' ');
    return "…" + (space >= 0 && space < cut.length() - 1 ? cut.substring(space) : cut);
  }

  private static String right(String text) {
    String flat = SPACES.matcher(text).replaceAll(" ");
    if (flat.length() <= CONTEXT) {
      return flat;
    }
    String cut = flat.substring(0, CONTEXT);
    int space = cut.lastIndexOf(' ');
    return (space > 0 ? cut.substring(0, space) : cut) + " …";
  }
}
