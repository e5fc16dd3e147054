package org.triangulate.align;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Unit vectors: cosine similarity and the bytes they are stored as (float32, little-endian). */
public final class Vectors {

  private Vectors() {}

  public static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return unit;
  }

  /** The dot product; for unit vectors, their cosine similarity. */
  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  public static byte[] bytes(float[] v) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      buffer.putFloat(x);
    }
    return buffer.array();
  }

  public static float[] of(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = buffer.getFloat();
    }
    return v;
  }
}
