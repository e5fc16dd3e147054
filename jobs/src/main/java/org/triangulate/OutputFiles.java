package org.triangulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        body.writeTo(writer);
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

  public static Path writeString(Path target, String content) {
    return write(target, writer -> writer.write(content));
  }

  /** Writes bytes (an archive) the same way: a temporary sibling moved into place. */
  public static Path writeBytes(Path target, byte[] content) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      Files.write(temporary, content);
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
