package org.triangulate.nlp;

/**
 * A unit of transcript text that is indexed and quoted: a speaker turn, or up to N sentences of a
 * long one. Offsets are into the canonical source text; {@code lemmas} are lower-case and space
 * separated, for stem-free matching, and {@code lemmaStarts} gives the source offset of each
 * lemma's token (space separated, same order), so de-identification can drop the lemmas of
 * identifying tokens. Read for the index, {@code text}, {@code speakerLabel} and {@code lemmas} are
 * the de-identified ones. {@code language} is the ISO 639-1 code of the models it was annotated
 * with.
 */
public record Segment(
    String segmentId,
    String sourceId,
    String participantId,
    int turnIndex,
    SpeakerRole role,
    String speakerLabel,
    int start,
    int end,
    int sentenceCount,
    String text,
    String lemmas,
    String lemmaStarts,
    String language) {}
