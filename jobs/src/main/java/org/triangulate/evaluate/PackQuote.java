package org.triangulate.evaluate;

/**
 * One row of a pack's {@code quotes.csv}: the pack, the row's item, the extract quoted and the
 * answer shown as its speaker's ({@code null} when the file has no such column).
 */
public record PackQuote(String pack, String itemId, String extractId, String speakerAnswer) {}
