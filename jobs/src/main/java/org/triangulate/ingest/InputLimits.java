package org.triangulate.ingest;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of one input file the ingest will read, so that a hostile or mistaken file is
 * quarantined with a reason instead of exhausting memory ({@code triangulate.input.*}). Sizes are
 * bytes, except the CSV caps, which count characters. Immutable.
 *
 * @param maxTranscriptSize a transcript file ({@code .txt}, {@code .md}, {@code .docx}, {@code
 *     .vtt}, {@code .srt}) larger than this on disk is quarantined unread
 * @param maxDocxXmlSize the uncompressed XML of one Word document (body, styles, relations); Word
 *     compresses text tenfold or more, and its object model takes many times the XML's size
 * @param maxArchiveSize the uncompressed bytes read from one {@code .qdpx}: the project XML and the
 *     sources it references (media is never read)
 * @param maxArchiveEntries the entries one {@code .qdpx} (or {@code .docx}) may list
 * @param maxCsvLineLength a CSV line, or a record spanning lines, longer than this (characters) is
 *     quarantined with its line number; the rest of the file is read
 * @param maxCsvSize the characters kept from one CSV; a file holding more is quarantined whole
 */
public record InputLimits(
    @DefaultValue("64MB") DataSize maxTranscriptSize,
    @DefaultValue("16MB") DataSize maxDocxXmlSize,
    @DefaultValue("128MB") DataSize maxArchiveSize,
    @DefaultValue("10000") int maxArchiveEntries,
    @DefaultValue("1MB") DataSize maxCsvLineLength,
    @DefaultValue("64MB") DataSize maxCsvSize) {

  /** The defaults, for callers outside the application context (tests, tools). */
  public static final InputLimits DEFAULTS =
      new InputLimits(
          DataSize.ofMegabytes(64),
          DataSize.ofMegabytes(16),
          DataSize.ofMegabytes(128),
          10_000,
          DataSize.ofMegabytes(1),
          DataSize.ofMegabytes(64));

  public InputLimits {
    positive("max-transcript-size", maxTranscriptSize);
    positive("max-docx-xml-size", maxDocxXmlSize);
    positive("max-archive-size", maxArchiveSize);
    positive("max-csv-line-length", maxCsvLineLength);
    positive("max-csv-size", maxCsvSize);
    if (maxArchiveEntries < 1) {
      throw new IllegalArgumentException(
          "triangulate.input.max-archive-entries: must be at least 1 (was "
              + maxArchiveEntries
              + ")");
    }
  }

  /** A size as people read it: {@code 16 MB}, {@code 512 KB}, {@code 300 bytes}. */
  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }

  private static void positive(String key, DataSize size) {
    if (size == null || size.toBytes() < 1) {
      throw new IllegalArgumentException(
          "triangulate.input." + key + ": must be a positive size such as 16MB (was " + size + ")");
    }
  }
}
