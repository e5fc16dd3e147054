package org.triangulate.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The one way a set of values becomes a fingerprint: the SHA-256 of the parts, in order, with a
 * separator no text holds, so "ab"+"c" and "a"+"bc" differ. Stateless.
 */
public final class Fingerprint {

  private Fingerprint() {}

  /** The hex SHA-256 of the parts joined by NUL; null parts count as empty. */
  public static String of(String... parts) {
    return of(List.of(nullsAsEmpty(parts)));
  }

  public static String of(List<String> parts) {
    return DigestUtils.sha256Hex(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] nullsAsEmpty(String[] parts) {
    String[] copy = new String[parts.length];
    for (int i = 0; i < parts.length; i++) {
      copy[i] = parts[i] == null ? "" : parts[i];
    }
    return copy;
  }
}
