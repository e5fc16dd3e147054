package org.triangulate;

/**
 * Makes text from transcripts safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets
 * run a CSV cell that starts with {@code = + - @}, a tab or a carriage return as a formula, so a
 * transcript line like {@code =HYPERLINK(...)} would become a live link or worse in an analyst's
 * spreadsheet. Such a cell gets a leading apostrophe, which spreadsheets show as text and hide.
 */
public final class SpreadsheetText {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetText() {}

  /** {@code value} as it can be put in a CSV cell; anything but a string passes unchanged. */
  public static Object cell(Object value) {
    if (value instanceof String text
        && !text.isEmpty()
        && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value;
  }
}
