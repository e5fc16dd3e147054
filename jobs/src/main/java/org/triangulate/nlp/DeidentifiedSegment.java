package org.triangulate.nlp;

/** A segment's de-identified text, speaker label and lemmas, as written to the store. */
public record DeidentifiedSegment(
    String segmentId, String text, String speakerLabel, String lemmas) {}
