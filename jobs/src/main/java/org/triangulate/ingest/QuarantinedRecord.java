package org.triangulate.ingest;

/**
 * A bad input record set aside: which input, which file, where in it (line or byte offset), why,
 * and the record's text when there is one.
 */
public record QuarantinedRecord(
    String input, String fileName, String location, String reason, String recordText) {}
