package org.triangulate.nlp;

import java.util.List;

/**
 * A transcript, the segments cut from it and the named entities found in it, written to the store
 * together.
 */
public record AnnotatedSource(
    String sourceId, String sha256, List<Segment> segments, List<EntityMention> entities) {
  public AnnotatedSource {
    segments = List.copyOf(segments);
    entities = List.copyOf(entities);
  }
}
