/**
 * Measures the night's joint displays and item alignments against a study's planted truth ({@code
 * planted.yml} written with generated data): quote item precision per pack, alignment recall and
 * answer agreement.
 */
package org.triangulate.evaluate;
