package org.triangulate.stats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by writing a temporary sibling and moving it into place, so a reader (the web UI, a
 * later step) sees the previous night's file or the complete new one, never half of one.
 */
final class StatsFiles {

  @FunctionalInterface
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private StatsFiles() {}

  static Path write(Path target, Body body) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        body.writeTo(writer);
      }
      return Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
