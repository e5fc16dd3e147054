package org.triangulate.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifying details with a form of their own: e-mail addresses; UK phone numbers as people write
 * them ({@code 020 7946 0958}, {@code 07700-900123}, {@code +44 7700 900123}, {@code (0113) 496
 * 0000}, {@code +44 (0)20 7946 0958}); NHS numbers (ten digits, grouped 3-3-4 or not, whose last
 * digit is their modulus-11 check digit: other ten-digit numbers are left alone); UK postcodes in
 * capitals ({@code LS1 4AB}, {@code SW1A 1AA}); and dates of birth when introduced as such ({@code
 * born on 3 March 1971}, {@code DOB 03/03/1971}, {@code date of birth is March 3rd, 1971}, {@code
 * date of birth as 3rd of March 1971}, {@code my date of birth was wrong on the letter, it's 3
 * March 1971}: after "date of birth" or "DOB", a date later on the same line) — other dates are not
 * identifying and stay. Stateless and thread-safe.
 */
public final class IdentifierPatterns {

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}|\\(0\\d{2,4}\\)|0\\d{2,4})[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?!\\d)");
  private static final Pattern NHS_NUMBER =
      Pattern.compile("(?<![\\d+])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![\\d])");
  // Inward codes never use C, I, K, M, O or V.
  private static final Pattern POSTCODE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[A-Z]{1,2}[0-9][A-Z0-9]?\\s?[0-9][ABD-HJLNP-UW-Z]{2}(?![\\p{L}\\p{N}])");
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";
  private static final String DATE =
      "(?<date>"
          + DAY
          + "\\s+(?:of\\s+)?"
          + MONTH
          + ",?\\s+\\d{2,4}|"
          + MONTH
          + "\\s+"
          + DAY
          + ",?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})";
  // After "date of birth" or "DOB" the date may come a few words on, on the same line ("my date
  // of birth was wrong on the letter, it's 3 March 1971"); after "born" only right away, since
  // "born" also starts sentences about things ("the scheme was born in March, on 3 May 2019").
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?<![\\p{L}])(?:born(?:\\s+on)?[\\s:,-]*"
              + "|(?:date\\s+of\\s+birth|d\\.?o\\.?b\\.?)(?![\\p{L}])(?:\\s+(?:is|was|as))?"
              + "(?:[\\s:,-]*|[^\\n]{0,60}?[\\s:,-]))"
              + "(?:the\\s+)?"
              + DATE
              + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  /** The e-mail addresses in {@code text}: an identifier in every country. */
  static List<Identifier> emails(String text) {
    List<Identifier> found = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start(), m.end(), IdentifierKind.EMAIL, m.group().toLowerCase(Locale.ROOT)));
    }
    return found;
  }

  /** Every patterned identifier in {@code text}, possibly overlapping, in no particular order. */
  public List<Identifier> find(String text) {
    List<Identifier> found = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start(), m.end(), IdentifierKind.EMAIL, m.group().toLowerCase(Locale.ROOT)));
    }
    m = NHS_NUMBER.matcher(text);
    while (m.find()) {
      String digits = m.group(1) + m.group(3) + m.group(4);
      if (isNhsNumber(digits)) {
        found.add(new Identifier(m.start(), m.end(), IdentifierKind.NHS_NUMBER, digits));
      }
    }
    m = PHONE.matcher(text);
    while (m.find()) {
      found.add(new Identifier(m.start(), m.end(), IdentifierKind.PHONE, phoneKey(m.group())));
    }
    m = POSTCODE.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start(), m.end(), IdentifierKind.POSTCODE, m.group().replaceAll("\\s", "")));
    }
    m = DATE_OF_BIRTH.matcher(text);
    while (m.find()) {
      String date = m.group("date");
      found.add(
          new Identifier(
              m.start("date"),
              m.end("date"),
              IdentifierKind.DATE_OF_BIRTH,
              Normalizer.normalize(date, Normalizer.Form.NFKC)
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("\\s+", " ")));
    }
    return found;
  }

  /** Ten digits whose tenth is 11 minus their weighted sum (weights 10..2) mod 11, 11 read as 0. */
  static boolean isNhsNumber(String digits) {
    if (!digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  /** The national form's digits, so +44 (0)20 7946 0958 and 020 7946 0958 are one number. */
  private static String phoneKey(String phone) {
    String digits = phone.replace("(0)", "").replaceAll("\\D", "");
    return digits.startsWith("44") && phone.strip().startsWith("+")
        ? "0" + digits.substring(2)
        : digits;
  }
}
