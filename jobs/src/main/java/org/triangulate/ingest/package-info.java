/**
 * Reads a study's inputs (cases, participants, responses CSV; transcripts .txt/.md/.docx; REFI-QDA
 * projects) into the staged store, validating every record with the same rules for the nightly job
 * and {@code validate}; bad records are quarantined with file, location and reason, never dropped,
 * and unchanged files are skipped by SHA-256.
 */
package org.triangulate.ingest;
