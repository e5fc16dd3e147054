/**
 * What changed since the last night: each night's patterns, item statistics and transcripts kept in
 * the store, compared with the night before into {@code changes.json} and {@code changes.html}, the
 * run report's last lines and {@code ./triangulate history --changes}.
 */
package org.triangulate.changes;
