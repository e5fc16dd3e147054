package org.triangulate.nlp;

import java.util.List;

/** A transcript and the segments cut from it, written to the store together. */
public record AnnotatedSource(String sourceId, String sha256, List<Segment> segments) {
  public AnnotatedSource {
    segments = List.copyOf(segments);
  }
}
