package org.triangulate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text file decoded as it streams in, under two caps: a line longer than {@code maxLine}
 * characters is kept out (an empty line stands in its place, so line numbers hold) and listed with
 * its number and length; more than {@code maxTotal} characters in all make the file unreadable.
 * Never holds more than the caps allow, whatever the file's size. Decoding follows {@link
 * DecodedText}: a byte-order mark wins, then strict UTF-8, then Windows-1252 with a note; a NUL
 * byte without a mark is not text. Line breaks (CRLF, CR, LF, each one break) are kept as written.
 *
 * @param text the kept text
 * @param longLines the lines kept out, in file order
 */
record BoundedText(String text, String encoding, String note, List<LongLine> longLines) {

  /** A line over the cap: its 1-based number, its length, and its first characters. */
  record LongLine(long line, long length, String start) {}

  /** Opens the file afresh (a second pass decodes it as Windows-1252). */
  interface Source {
    InputStream open() throws IOException;
  }

  private static final int PREVIEW = 80;
  private static final int CHUNK = 64 * 1024;

  static BoundedText read(Source source, long maxLine, long maxTotal) {
    try {
      byte[] head;
      try (InputStream in = source.open()) {
        head = in.readNBytes(3);
      }
      Optional<ByteOrderMark> mark = ByteOrderMark.of(head);
      if (mark.isPresent()) {
        return strict(source, mark.get(), maxLine, maxTotal);
      }
      Lines lines = new Lines(maxLine, maxTotal);
      Malformed bad = decode(source, 0, StandardCharsets.UTF_8, true, lines);
      if (bad == null) {
        return lines.result("UTF-8", null);
      }
      lines = new Lines(maxLine, maxTotal);
      decode(source, 0, DecodedText.WINDOWS_1252, true, lines);
      return lines.result("Windows-1252", ByteOrderMark.windows1252Note(bad.value(), bad.offset()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BoundedText strict(Source source, ByteOrderMark mark, long maxLine, long maxTotal)
      throws IOException {
    Lines lines = new Lines(maxLine, maxTotal);
    Malformed bad = decode(source, mark.length(), mark.charset(), false, lines);
    if (bad != null) {
      throw mark.invalidAt(bad.offset());
    }
    return lines.result(mark.encoding(), null);
  }

  private record Malformed(long offset, int value) {}

  /** One pass over the bytes; the first malformed byte, or null when all decoded. */
  private static Malformed decode(
      Source source, int skip, Charset charset, boolean refuseNul, Lines lines) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    CharBuffer chars = CharBuffer.allocate(CHUNK);
    long read = skip;
    long decoded = skip;
    try (InputStream in = source.open()) {
      in.skipNBytes(skip);
      boolean end = false;
      while (true) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          end = true;
        } else {
          if (refuseNul) {
            for (int i = 0; i < n; i++) {
              if (bytes.get(bytes.position() + i) == 0) {
                throw new InvalidRecordException(
                    "byte offset "
                        + (read + i)
                        + ": a NUL byte; not a text file (UTF-16 without a byte-order mark, or"
                        + " binary)");
              }
            }
          }
          bytes.position(bytes.position() + n);
          read += n;
        }
        bytes.flip();
        while (true) {
          int before = bytes.position();
          CoderResult result = decoder.decode(bytes, chars, end);
          decoded += bytes.position() - before;
          if (result.isError()) {
            return new Malformed(decoded, bytes.get(bytes.position()) & 0xFF);
          }
          lines.accept(chars.flip());
          chars.clear();
          if (result.isUnderflow()) {
            break;
          }
        }
        bytes.compact();
        if (end) {
          decoder.flush(chars);
          lines.accept(chars.flip());
          return null;
        }
      }
    }
  }

  /** Splits decoded characters into lines, keeping the ones within the cap. */
  private static final class Lines {
    private final long maxLine;
    private final long maxTotal;
    private final StringBuilder kept = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final List<LongLine> longLines = new ArrayList<>();
    private long number = 1;
    private long length;
    private boolean afterCr;

    Lines(long maxLine, long maxTotal) {
      this.maxLine = maxLine;
      this.maxTotal = maxTotal;
    }

    void accept(CharBuffer chars) {
      while (chars.hasRemaining()) {
        char c = chars.get();
        if (afterCr && c == '\n') {
          afterCr = false;
          kept.append('\n');
          continue;
        }
        afterCr = c == '\r';
        if (c == '\r' || c == '\n') {
          endLine();
          kept.append(c);
          number++;
          continue;
        }
        length++;
        if (length <= maxLine) {
          line.append(c);
        } else if (line.length() > PREVIEW) {
          // Over the cap: only the start is kept, to show where the line begins.
          line.setLength(PREVIEW);
        }
      }
    }

    private void endLine() {
      if (length > maxLine) {
        longLines.add(new LongLine(number, length, line.toString()));
      } else {
        kept.append(line);
        if (kept.length() > maxTotal) {
          throw new InvalidRecordException(
              "line "
                  + number
                  + ": the file holds more than "
                  + maxTotal
                  + " characters, over the cap (triangulate.input.max-csv-size); not read");
        }
      }
      line.setLength(0);
      length = 0;
    }

    BoundedText result(String encoding, String note) {
      endLine();
      return new BoundedText(kept.toString(), encoding, note, longLines);
    }
  }
}
