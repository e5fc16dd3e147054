package org.triangulate.demo;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The identifying details of a second language's transcripts, read from {@code
 * resources/demo/variants/<language>-identifiers.yml}: the people, wards, organisations, towns,
 * streets and numbers a site in that country names, and how it writes phone numbers, social
 * security numbers and dates. Immutable.
 *
 * @param language the ISO 639-1 code the study declares for these transcripts
 * @param country the ISO 3166 code whose identifier patterns the study declares
 * @param phones phone numbers with {@code #} for each random digit
 * @param nirDepartments the department digits of a social security number (its key is computed)
 * @param dateForms {@code {day} {month} {year}} or {@code {dd}/{mm}/{year}} forms
 * @param firstDay how the first of a month is said ("1er")
 * @param readme what the generated README.md adds about them ({count}, {files})
 */
record LocalIdentifiers(
    String language,
    String country,
    List<String> firstNames,
    List<String> surnames,
    List<String> places,
    List<String> organisations,
    List<Town> towns,
    List<String> streets,
    List<String> phones,
    String emailDomain,
    List<String> nirDepartments,
    List<String> months,
    String firstDay,
    List<String> dateForms,
    String readme) {

  record Town(String name, String postcode) {}

  static LocalIdentifiers load(String language) {
    return DemoResources.yaml("variants/" + language + "-identifiers.yml", LocalIdentifiers.class);
  }

  String firstName(RandomGenerator random) {
    return Draw.pick(random, firstNames);
  }

  String fullName(RandomGenerator random) {
    return firstName(random) + " " + Draw.pick(random, surnames);
  }

  /** A street with a house number before it, as an address is said. */
  String street(RandomGenerator random) {
    return (1 + random.nextInt(120)) + " " + Draw.pick(random, streets);
  }

  String phone(RandomGenerator random) {
    StringBuilder phone = new StringBuilder();
    for (char c : Draw.pick(random, phones).toCharArray()) {
      phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
    }
    return phone.toString();
  }

  /**
   * A social security number: sex, year and month of birth, department, commune, order, then its
   * key (97 minus the first 13 digits modulo 97), grouped as on the card or run together.
   */
  String nir(RandomGenerator random) {
    String sex = String.valueOf(1 + random.nextInt(2));
    String year = String.format(Locale.ROOT, "%02d", random.nextInt(100));
    String month = String.format(Locale.ROOT, "%02d", 1 + random.nextInt(12));
    String department = Draw.pick(random, nirDepartments);
    String commune = String.format(Locale.ROOT, "%03d", 1 + random.nextInt(300));
    String order = String.format(Locale.ROOT, "%03d", 1 + random.nextInt(999));
    String thirteen = sex + year + month + department + commune + order;
    String key = String.format(Locale.ROOT, "%02d", 97 - Long.parseLong(thirteen) % 97);
    return random.nextInt(10) < 7
        ? String.join(" ", sex, year, month, department, commune, order, key)
        : thirteen + key;
  }

  String email(String first, String surname) {
    return Identifiers.email(first, surname, emailDomain);
  }

  /** A date of birth 18 to 70 years before {@code year}, in one of the forms people write. */
  String dateOfBirth(int year, RandomGenerator random) {
    int born = year - Draw.between(random, 18, 70);
    int month = random.nextInt(12);
    int day = 1 + random.nextInt(28);
    return Draw.pick(random, dateForms)
        .replace("{day}", day == 1 ? firstDay : String.valueOf(day))
        .replace("{month}", months.get(month))
        .replace("{dd}", String.format(Locale.ROOT, "%02d", day))
        .replace("{mm}", String.format(Locale.ROOT, "%02d", month + 1))
        .replace("{year}", String.valueOf(born));
  }
}
