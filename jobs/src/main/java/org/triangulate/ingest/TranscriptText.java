package org.triangulate.ingest;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A transcript's canonical text (Unicode NFC, LF line endings, no byte-order mark), against which
 * every offset is computed, with what it was made from: the format ({@code txt}, {@code md}, {@code
 * docx}), the encoding, and the original's line endings ({@code LF}, {@code CRLF}, {@code CR},
 * {@code mixed}, {@code none}). Immutable.
 */
public record TranscriptText(
    String text, String format, String encoding, String lineEndings, String note) {

  /** The file types read as transcripts, by lower-case extension. */
  public static final java.util.Set<String> TYPES =
      java.util.Set.of("txt", "md", "markdown", "docx", "vtt", "srt");

  /** Reads a transcript file's bytes; an {@link InvalidRecordException} says why it can't be. */
  public static TranscriptText read(String fileName, byte[] bytes) {
    return read(fileName, bytes, InputLimits.DEFAULTS);
  }

  public static TranscriptText read(String fileName, byte[] bytes, InputLimits limits) {
    String type = extension(fileName);
    if (!TYPES.contains(type)) {
      throw new InvalidRecordException(
          "unsupported transcript type '."
              + type
              + "' (expected .txt, .md, .docx, .vtt or .srt; save other formats as one of these)");
    }
    if (bytes.length > limits.maxTranscriptSize().toBytes()) {
      throw tooLarge(bytes.length, limits);
    }
    TranscriptText text;
    if (type.equals("docx")) {
      text =
          new TranscriptText(
              canonical(DocxText.extract(bytes, limits)), "docx", "docx", "docx", null);
    } else if (type.equals("vtt") || type.equals("srt")) {
      DecodedText decoded = DecodedText.decode(bytes);
      text =
          new TranscriptText(
              CaptionText.extract(decoded.text(), type),
              type,
              decoded.encoding(),
              lineEndings(decoded.text()),
              decoded.note());
    } else {
      DecodedText decoded = DecodedText.decode(bytes);
      text =
          new TranscriptText(
              canonical(decoded.text()),
              type.equals("txt") ? "txt" : "md",
              decoded.encoding(),
              lineEndings(decoded.text()),
              decoded.note());
    }
    if (text.text().isBlank()) {
      throw new InvalidRecordException("transcript is empty");
    }
    return text;
  }

  static InvalidRecordException tooLarge(long size, InputLimits limits) {
    return new InvalidRecordException(
        "the file is "
            + size
            + " bytes, over the cap of "
            + InputLimits.describe(limits.maxTranscriptSize().toBytes())
            + " (triangulate.input.max-transcript-size); not read");
  }

  /** NFC, CRLF and CR as LF, byte-order mark dropped. */
  public static String canonical(String decoded) {
    String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  static String lineEndings(String text) {
    int crlf = 0;
    int cr = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        crlf++;
        i++;
      } else if (c == '\r') {
        cr++;
      } else if (c == '\n') {
        lf++;
      }
    }
    int kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
    if (kinds == 0) {
      return "none";
    }
    if (kinds > 1) {
      return "mixed";
    }
    return crlf > 0 ? "CRLF" : cr > 0 ? "CR" : "LF";
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
