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
    return ascii(first) + "." + ascii(surname) + "@" + c.emailDomain();
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

  static List<String> kinds() {
    return List.of("person", "place", "organisation", "phone", "email", "nhs_number", "postcode");
  }
}
