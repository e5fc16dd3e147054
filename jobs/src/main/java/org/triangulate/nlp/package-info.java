/**
 * Speaker-turn segmentation, CoreNLP annotation (sentences, lemmas) and de-identification of
 * transcript text before it leaves the store.
 */
package org.triangulate.nlp;
