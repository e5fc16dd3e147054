package org.triangulate.nlp;

/**
 * An identifying detail found in a text: its offsets, kind, and the key that decides its pseudonym
 * (the same key in any transcript of the study gets the same pseudonym): a normalised name, digits
 * of a number, or for {@link IdentifierKind#CASE} the case id.
 */
public record Identifier(int start, int end, IdentifierKind kind, String key) {

  public int length() {
    return end - start;
  }

  boolean overlaps(Identifier other) {
    return start < other.end && other.start < end;
  }

  boolean overlaps(int from, int to) {
    return start < to && from < end;
  }
}
