package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces identifying details in text that leaves the store: the study's configured terms (staff
 * names, local places), e-mail addresses and phone numbers. The same term always gets the same
 * pseudonym within a study ({@code [NAME-3]}), so readers can follow a person across extracts.
 * Immutable and thread-safe. (NER-based detection of names is a later stage.)
 */
public final class Deidentifier {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  // UK numbers as people write them: 020 7946 0958, 07700-900123, +44 7700 900123, and with the
  // area
  // code in brackets, (0113) 496 0000 or +44 (0)20 7946 0958.
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<!\\d)(?:\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}|\\(0\\d{2,4}\\)|0\\d{2,4})[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?!\\d)");

  private final List<Pattern> terms;

  public Deidentifier(List<String> terms) {
    List<String> sorted = new ArrayList<>(terms);
    // Longest first, so "Mary Jones" is replaced whole before "Mary".
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.terms =
        sorted.stream()
            .filter(t -> !t.isBlank())
            .map(t ->
                Pattern.compile(
                    "(?<!\\w)" + Pattern.quote(t.strip()) + "(?!\\w)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
  }

  public String apply(String text) {
    String result = EMAIL.matcher(text).replaceAll("[EMAIL]");
    result = PHONE.matcher(result).replaceAll("[PHONE]");
    for (int i = 0; i < terms.size(); i++) {
      result =
          terms
              .get(i)
              .matcher(result)
              .replaceAll(Matcher.quoteReplacement("[NAME-" + (i + 1) + "]"));
    }
    return result;
  }
}
