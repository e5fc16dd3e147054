package org.triangulate.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run report's last lines: what changed since the last night, when the night got that far. */
public final class ChangesSummary {

  private ChangesSummary() {}

  public static String of(Path summary) {
    if (!Files.isRegularFile(summary)) {
      return "";
    }
    try {
      return "\n" + Files.readString(summary, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summary, e);
    }
  }
}
