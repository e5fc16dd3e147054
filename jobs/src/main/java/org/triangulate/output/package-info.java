/**
 * How the pipeline writes files people open: atomically (a temporary file moved into place),
 * spreadsheet-safe CSV cells, and owner-only folders for identifiable data.
 */
package org.triangulate.output;
