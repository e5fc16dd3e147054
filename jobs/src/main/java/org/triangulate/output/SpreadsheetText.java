package org.triangulate.output;

/**
 * Makes text from transcripts safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets
 * run a CSV cell that starts with {@code = + - @}, a tab or a carriage return as a formula, so a
 * transcript line like {@code =HYPERLINK(...)} would become a live link or worse in an analyst's
 * spreadsheet. Some also skip leading white space (a space, a line break) before looking, and some
 * read the full-width forms {@code ＝ ＋ － ＠} as the ASCII ones. Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and hide. Stateless.
 */
public final class SpreadsheetText {

  private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  private SpreadsheetText() {}

  /** {@code value} as it can be put in a CSV cell; anything but a string passes unchanged. */
  public static Object cell(Object value) {
    if (value instanceof String text && !text.isEmpty() && startsLikeAFormula(text.charAt(0))) {
      return "'" + text;
    }
    return value;
  }

  private static boolean startsLikeAFormula(char first) {
    return FORMULA_STARTS.indexOf(first) >= 0
        || Character.isWhitespace(first)
        || Character.isSpaceChar(first);
  }
}
