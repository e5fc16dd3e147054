package org.triangulate.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The build's own record (written by the build into the class path): a rebuilt program may shape
 * outputs differently, so outputs made by another build count as changed.
 */
public final class BuildIdentity {

  private static final String TEXT = read();

  private BuildIdentity() {}

  public static String text() {
    return TEXT;
  }

  private static String read() {
    try (InputStream in =
        BuildIdentity.class.getResourceAsStream("/META-INF/build-info.properties")) {
      return in == null ? "unknown build" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
