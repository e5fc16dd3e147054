package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The identifier patterns of the countries a study declares: the United Kingdom's ({@link
 * IdentifierPatterns}: e-mail, phone, NHS number, postcode, date of birth in English) and France's
 * ({@link FrenchIdentifierPatterns}). E-mail addresses are found whatever the countries.
 */
final class CountryIdentifierPatterns {

  private CountryIdentifierPatterns() {}

  static Function<String, List<Identifier>> of(List<String> countries) {
    List<Function<String, List<Identifier>>> finders = new ArrayList<>();
    if (countries.contains("GB")) {
      IdentifierPatterns uk = new IdentifierPatterns();
      finders.add(uk::find);
    }
    if (countries.contains("FR")) {
      FrenchIdentifierPatterns fr = new FrenchIdentifierPatterns();
      finders.add(fr::find);
    }
    if (!countries.contains("GB")) {
      finders.add(IdentifierPatterns::emails);
    }
    return text -> {
      List<Identifier> found = new ArrayList<>();
      finders.forEach(f -> found.addAll(f.apply(text)));
      return found;
    };
  }
}
