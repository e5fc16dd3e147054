/**
 * The study design loaded from {@code config/<study>/}: cases' and participants' attributes,
 * groupings, items, answer scales, codebook, thresholds and packs. Study words live in config,
 * never in code.
 */
package org.triangulate.study;
