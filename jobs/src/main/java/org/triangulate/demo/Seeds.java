package org.triangulate.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams, one per purpose ("responses/pay_parity"), derived from
 * the seed with SHA-256. Each stream is an {@code L64X128MixRandom}, an algorithm the JDK specifies
 * exactly, so a seed gives the same numbers on every JDK; separate streams keep one part of the
 * output from shifting when another part changes. Immutable; the streams it hands out are not
 * thread-safe.
 */
final class Seeds {

  private static final RandomGeneratorFactory<RandomGenerator> ALGORITHM =
      RandomGeneratorFactory.of("L64X128MixRandom");

  private final long seed;

  Seeds(long seed) {
    this.seed = seed;
  }

  long seed() {
    return seed;
  }

  RandomGenerator stream(String purpose) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((seed + "/" + purpose).getBytes(StandardCharsets.UTF_8));
      return ALGORITHM.create(ByteBuffer.wrap(digest).getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
