package org.triangulate.evaluate;

/**
 * A stretch of a transcript that the generator wrote about one item, in keeping with the speaker's
 * answer to it. Offsets count Unicode code points of the canonical text; {@code file} is relative
 * to the transcripts folder.
 */
public record PlantedPassage(String file, String item, String answer, int start, int end) {

  boolean overlaps(String otherFile, int otherStart, int otherEnd) {
    return file.equals(otherFile) && start < otherEnd && otherStart < end;
  }

  int overlap(int otherStart, int otherEnd) {
    return Math.max(0, Math.min(end, otherEnd) - Math.max(start, otherStart));
  }
}
