package org.triangulate.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifying details with a French form: e-mail addresses; phone numbers as people write them
 * ({@code 06 12 34 56 78}, {@code 04.78.90.12.34}, {@code +33 6 12 34 56 78}, {@code +33 (0)6 12 34
 * 56 78}); social security numbers (NIR: 13 digits, grouped or not, whose two-digit key is 97 minus
 * the number modulo 97; Corsica's 2A/2B read as 19/18); street addresses ({@code 14 rue des Lilas},
 * {@code 3 bis avenue Jean Jaurès}); postcodes followed by their town ({@code 69100 Villeurbanne}:
 * five digits alone are as often a sum as a postcode); institutions named by their kind and a
 * proper name ({@code Centre hospitalier Le Vinatier}); and dates of birth introduced as such
 * ({@code né le 3 mars 1971}, {@code date de naissance : 03/03/1971}). Stateless and thread-safe.
 */
final class FrenchIdentifierPatterns {

  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:(?:\\+33|0033)[\\s.-]?(?:\\(0\\)[\\s.-]?)?[1-9]|0[1-9])(?:[\\s.-]?\\d{2}){4}(?!\\d)");
  private static final Pattern NIR =
      Pattern.compile(
          "(?<![\\d])([12])[\\s.]?(\\d{2})[\\s.]?(\\d{2})[\\s.]?(\\d{2}|2[AB])[\\s.]?(\\d{3})[\\s.]?(\\d{3})[\\s.]?(\\d{2})(?![\\d])");
  private static final String STREET_TYPE =
      "(?:rue|avenue|av\\.|boulevard|bd|place|allée|allee|chemin|impasse|quai|cours|route|square"
          + "|passage|résidence|residence|cité|cite|lotissement)";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+"
              + STREET_TYPE
              + "\\s+(?:(?:de\\s+la|de\\s+l['’]|du|des|de|d['’])\\s*)?\\p{L}[\\p{L}'’-]*"
              + "(?:\\s+(?:(?:de|du|des|la|le|les|d['’])\\s+)?\\p{Lu}[\\p{L}'’-]*)*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern POSTCODE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:0[1-9]|[1-8]\\d|9[0-8]|2[AB])\\s?\\d{3}(?=\\s+(?:\\p{Lu}|CEDEX))");
  // An institution named by its kind and a proper name: "Centre hospitalier Le Vinatier",
  // "Hôpital Saint-Louis", "Université Lyon 2", "Association Espoir Rhône".
  private static final Pattern INSTITUTION =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:Centre\\s+hospitalier(?:\\s+universitaire)?|Centre\\s+médico-psychologique"
              + "|Hôpital|Clinique|CHU|CHS|CMP|Université|Association|Fondation|Mairie|Foyer)"
              + "\\s+(?:(?:de\\s+la|de\\s+l['’]|du|des|de|d['’])\\s*)?(?:(?:Le|La|Les|L['’])\\s*)?"
              + "\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:de|du|des|la|le|d['’])\\s+)?\\p{Lu}[\\p{L}'’-]*)*");
  private static final String MONTH =
      "(?:janv(?:ier)?|févr(?:ier)?|fevr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août|aout"
          + "|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|déc(?:embre)?|dec(?:embre)?)\\.?";
  private static final String DATE =
      "(?<date>(?:1er|\\d{1,2})\\s+" + MONTH + "\\s+\\d{2,4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})";
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?<![\\p{L}])(?:née?s?(?:\\s+le)?|date\\s+de\\s+naissance(?:\\s+(?:est|était))?)"
              + "[\\s:,-]*"
              + DATE
              + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Every patterned identifier in {@code text}, possibly overlapping, in no particular order. */
  List<Identifier> find(String text) {
    List<Identifier> found = new ArrayList<>(IdentifierPatterns.emails(text));
    Matcher m = NIR.matcher(text);
    while (m.find()) {
      String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6);
      if (isNir(digits, m.group(7))) {
        found.add(
            new Identifier(
                m.start(), m.end(), IdentifierKind.NATIONAL_NUMBER, digits + m.group(7)));
      }
    }
    m = PHONE.matcher(text);
    while (m.find()) {
      found.add(new Identifier(m.start(), m.end(), IdentifierKind.PHONE, phoneKey(m.group())));
    }
    m = ADDRESS.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start(),
              m.end(),
              IdentifierKind.ADDRESS,
              m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
    }
    m = INSTITUTION.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(m.start(), m.end(), IdentifierKind.ORGANISATION, NameKey.of(m.group())));
    }
    m = POSTCODE.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start(), m.end(), IdentifierKind.POSTCODE, m.group().replaceAll("\\s", "")));
    }
    m = DATE_OF_BIRTH.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start("date"),
              m.end("date"),
              IdentifierKind.DATE_OF_BIRTH,
              Normalizer.normalize(m.group("date"), Normalizer.Form.NFKC)
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("\\s+", " ")));
    }
    return found;
  }

  /** The NIR's key: 97 minus the 13-digit number (2A read as 19, 2B as 18) modulo 97. */
  static boolean isNir(String thirteen, String key) {
    String digits = thirteen.replace("2A", "19").replace("2B", "18");
    if (!digits.matches("\\d{13}")) {
      return false;
    }
    long number = Long.parseLong(digits);
    return 97 - number % 97 == Integer.parseInt(key);
  }

  /** The national form's digits, so +33 6 12 34 56 78 and 06 12 34 56 78 are one number. */
  private static String phoneKey(String phone) {
    String digits = phone.replace("(0)", "").replaceAll("\\D", "");
    if (digits.startsWith("0033")) {
      return "0" + digits.substring(4);
    }
    return digits.startsWith("33") && phone.strip().startsWith("+")
        ? "0" + digits.substring(2)
        : digits;
  }
}
