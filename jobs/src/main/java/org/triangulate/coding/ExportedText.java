package org.triangulate.coding;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A source's exported text and where offsets of the original land in it: the start and end of the
 * text and of every segment. Immutable.
 */
public record ExportedText(String text, NavigableMap<Integer, Integer> offsets) {

  public ExportedText {
    offsets = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(offsets));
  }

  /** The exported offset of an original offset; only mapped offsets are known. */
  public int at(int originalOffset) {
    Integer exported = offsets.get(originalOffset);
    if (exported == null) {
      throw new IllegalArgumentException(
          "offset " + originalOffset + " is not a segment boundary of the exported text");
    }
    return exported;
  }
}
