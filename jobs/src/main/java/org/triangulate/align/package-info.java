/**
 * Item alignment: which structured item each participant segment is about, from the interviewer's
 * question it answers, its own meaning (local sentence embeddings) and the codebook's codings, with
 * a score and provenance, so joint displays quote extracts about their row's item.
 */
package org.triangulate.align;
