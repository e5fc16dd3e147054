package org.triangulate.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The SHA-256 of a study's configuration files ({@code study.yml}, {@code codebook.yml}): inputs
 * are validated against them, so a changed configuration makes every input load again.
 */
public final class ConfigFingerprint {

  private ConfigFingerprint() {}

  public static String of(Path studyConfigDir) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("study.yml", "codebook.yml")) {
      Path file = studyConfigDir.resolve(name);
      try {
        parts.add(Files.isRegularFile(file) ? DigestUtils.sha256Hex(Files.readAllBytes(file)) : "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Fingerprint.of(parts);
  }
}
