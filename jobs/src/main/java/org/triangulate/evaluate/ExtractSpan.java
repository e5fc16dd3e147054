package org.triangulate.evaluate;

/**
 * Where a stored segment lies: its transcript (relative to the transcripts folder) and its offsets
 * in code points of the canonical text, as the planted truth counts them.
 */
public record ExtractSpan(
    String segmentId, String file, String participantId, int start, int end) {}
