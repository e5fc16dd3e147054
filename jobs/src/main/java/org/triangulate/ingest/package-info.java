/**
 * Reads a study's inputs (cases, participants, responses, transcripts) into the staged store,
 * validating every record; bad records are quarantined with file, line and reason, never dropped.
 */
package org.triangulate.ingest;
