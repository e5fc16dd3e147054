package org.triangulate.stats;

import org.triangulate.study.Happening;

/**
 * One participant's answer to one structured item: A ({@code happening}, null when left blank) and
 * B ({@code importance} on the study's scale, null when left blank). Immutable.
 */
public record Answer(
    String participantId, String itemId, Happening happening, Integer importance) {}
