package org.triangulate.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes YAML values in flow style, one record to a line, so generated truth files stay compact and
 * diffable: plain scalars where YAML reads them back unchanged, double-quoted (JSON escapes)
 * otherwise. Stateless.
 */
final class YamlText {

  private YamlText() {}

  static String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + flow(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(YamlText::flow).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String text) {
      return scalar(text);
    }
    // Numbers, booleans, and values that write themselves (always-quoted texts).
    return String.valueOf(value);
  }

  static String scalar(String text) {
    boolean plain =
        text.matches("[A-Za-z_][A-Za-z0-9_./-]*")
            && !text.matches("(?i)yes|no|true|false|null|on|off|y|n");
    return plain ? text : quoted(text);
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
