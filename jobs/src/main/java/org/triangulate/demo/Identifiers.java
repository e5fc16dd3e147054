package org.triangulate.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Invents identifying details in the formats people say them: UK phone numbers in Ofcom's drama
 * ranges, NHS numbers in the 999 test range with a valid modulus-11 check digit, postcodes in the
 * case's (fictional) postcode area, e-mail addresses at the case's {@code .example} domain.
 * Stateless.
 */
final class Identifiers {

  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private Identifiers() {}

  static String phone(DemoDesign.CaseDesign c, RandomGenerator random) {
    int roll = random.nextInt(20);
    if (roll < 12) {
      return c.phoneArea() + " 0" + digits(random, 3);
    }
    if (roll < 17) {
      return "07700 900" + digits(random, 3);
    }
    return "+44 7700 900" + digits(random, 3);
  }

  /** A 999-prefixed NHS number whose tenth digit is its modulus-11 check digit. */
  static String nhsNumber(RandomGenerator random) {
    while (true) {
      String nine = "999" + digits(random, 6);
      int check = nhsCheckDigit(nine);
      if (check < 10) {
        String number = nine + check;
        return random.nextInt(10) < 7
            ? number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6)
            : number;
      }
    }
  }

  /** 11 minus the weighted sum (weights 10..2) mod 11; 11 reads as 0, 10 means no valid number. */
  static int nhsCheckDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  static String postcode(DemoDesign.CaseDesign c, RandomGenerator random) {
    return c.postcodeArea()
        + (1 + random.nextInt(9))
        + " "
        + random.nextInt(10)
        + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
        + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
  }

  static String email(String first, String surname, DemoDesign.CaseDesign c) {
    return email(first, surname, c.emailDomain());
  }

  static String email(String first, String surname, String domain) {
    return ascii(first) + "." + ascii(surname) + "@" + domain;
  }

  static String fullName(DemoDesign.People people, RandomGenerator random) {
    return ParticipantPlanner.firstName(people, random)
        + " "
        + Draw.pick(random, people.surnames());
  }

  /** Lower-case ASCII letters only: accents dropped, "Ł" as "l", spaces and apostrophes gone. */
  private static String ascii(String name) {
    String decomposed =
        Normalizer.normalize(name.replace("Ł", "L").replace("ł", "l"), Normalizer.Form.NFD);
    return decomposed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }

  private static String digits(RandomGenerator random, int n) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < n; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private static final List<String> MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");

  /**
   * Appends a date of birth (18 to 70 years before {@code year}) in one of the ways people say or
   * write one: "3 March 1971", "the 3rd of March 1971", "March 3rd, 1971", "03/03/1971"; a leading
   * "the" is not part of the date's span.
   */
  static void dateOfBirth(int year, RandomGenerator random, SpannedText out) {
    int born = year - Draw.between(random, 18, 70);
    int month = random.nextInt(12);
    int day = 1 + random.nextInt(28);
    String name = MONTHS.get(month);
    switch (random.nextInt(4)) {
      case 0 -> out.append(day + " " + name + " " + born, DATE_OF_BIRTH);
      case 1 -> out.append("the ").append(ordinal(day) + " of " + name + " " + born, DATE_OF_BIRTH);
      case 2 -> out.append(name + " " + ordinal(day) + ", " + born, DATE_OF_BIRTH);
      default ->
          out.append(
              String.format(java.util.Locale.ROOT, "%02d/%02d/%d", day, month + 1, born),
              DATE_OF_BIRTH);
    }
  }

  private static String ordinal(int day) {
    String suffix =
        day % 100 >= 11 && day % 100 <= 13
            ? "th"
            : switch (day % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return day + suffix;
  }

  static final String DATE_OF_BIRTH = "date_of_birth";

  /** A French social security number, said only in transcripts generated in French. */
  static final String NIR = "nir";

  static List<String> kinds() {
    return List.of(
        "person",
        "place",
        "organisation",
        "phone",
        "email",
        "nhs_number",
        "postcode",
        DATE_OF_BIRTH,
        NIR);
  }
}
