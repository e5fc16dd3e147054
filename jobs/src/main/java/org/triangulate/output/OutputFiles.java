package org.triangulate.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an output file by writing a temporary sibling and moving it into place, so a reader sees
 * the previous run's file or the complete new one, never half of one; a failure names the path.
 */
public final class OutputFiles {

  /** What goes into the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private OutputFiles() {}

  public static Path write(Path target, Body body) {
    return write(target, out -> writeText(out, body), false);
  }

  public static Path writeString(Path target, String content) {
    return write(target, writer -> writer.write(content));
  }

  /**
   * Like {@link #write(Path, Body)}, but the file is readable by everyone (rw-r--r-- where the file
   * system has POSIX permissions): for files people open, such as synthesis packs. The temporary
   * file gets the permissions before it is moved into place.
   */
  public static Path writeReadable(Path target, Body body) {
    return write(target, out -> writeText(out, body), true);
  }

  /** {@link #writeReadable(Path, Body)} for bytes. */
  public static Path writeReadableBytes(Path target, byte[] content) {
    return write(target, out -> out.write(content), true);
  }

  /** {@link #writeReadable(Path, Body)} for bytes written as they are made. */
  public static Path writeReadableBytes(Path target, StreamBody body) {
    return write(target, body, true);
  }

  /** What goes into a binary file. */
  @FunctionalInterface
  public interface StreamBody {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeText(OutputStream out, Body body) throws IOException {
    // Closed here as well as by bodies that close what they write to (a CSVPrinter does).
    try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      body.writeTo(writer);
    }
  }

  private static Path write(Path target, StreamBody body, boolean readable) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        body.writeTo(out);
      }
      if (readable
          && Files.getFileStore(temporary)
              .supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      return Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + target.toAbsolutePath() + ": " + describe(e), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the move succeeded or the directory is gone; nothing left to clean
      }
    }
  }
}
