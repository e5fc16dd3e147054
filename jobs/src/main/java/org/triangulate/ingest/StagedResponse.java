package org.triangulate.ingest;

import org.triangulate.study.Happening;

/**
 * A validated answer of one participant to one item: A (happening) and B (importance, null when
 * blank).
 */
public record StagedResponse(
    String participantId, String itemId, Happening happening, Integer importance) {}
