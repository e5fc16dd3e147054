/**
 * Synthesis packs: each pattern's numbers per group beside de-identified quotes retrieved from the
 * extracts index, written as self-contained HTML and a CSV of every quote with its provenance.
 */
package org.triangulate.synthesis;
