package org.triangulate.nlp;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form a name is compared in: NFC, lower case, single spaces, without a leading "the" or a
 * trailing possessive, so "The Anchor Centre" and "the anchor centre's" are one place.
 */
final class NameKey {

  private NameKey() {}

  static String of(String name) {
    String key =
        Normalizer.normalize(name, Normalizer.Form.NFC)
            .replace('’', '\'')
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .strip();
    if (key.startsWith("the ")) {
      key = key.substring(4);
    }
    if (key.endsWith("'s")) {
      key = key.substring(0, key.length() - 2);
    }
    return key;
  }
}
