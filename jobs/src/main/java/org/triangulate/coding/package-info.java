/**
 * Coding of transcript segments to the codebook's categories: rule-based auto-coding over lemmas,
 * with provenance on every coding (later: imported REFI-QDA codings and export).
 */
package org.triangulate.coding;
