package org.triangulate.ingest;

/**
 * A transcript as staged: its canonical plain text (Unicode NFC, LF line endings), against which
 * every offset is computed, and the SHA-256 of the original file's bytes.
 */
public record SourceDocument(
    String sourceId, String participantId, String fileName, String sha256, String text) {}
