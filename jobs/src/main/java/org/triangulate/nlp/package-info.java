/**
 * Speaker-turn segmentation, CoreNLP annotation (sentences, lemmas, named entities) and
 * de-identification of transcript text, with study-wide pseudonyms kept in the store, before it
 * leaves the store.
 */
package org.triangulate.nlp;
