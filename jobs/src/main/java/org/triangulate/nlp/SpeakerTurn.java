package org.triangulate.nlp;

/**
 * A speaker's turn in a transcript: its label as written ({@code "Interviewer 1"}, {@code "P7"}, or
 * empty when the file has no labels), the inferred role, and the character offsets of the spoken
 * text (label and timestamp excluded) in the canonical source text.
 */
public record SpeakerTurn(int index, String label, SpeakerRole role, int start, int end) {}
