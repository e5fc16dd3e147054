/**
 * Item statistics, group comparisons, pattern detection: pure computation over structured answers
 * (no Spring, no store), turned into {@code items.csv}, {@code comparisons.csv} and {@code
 * patterns.*}.
 */
package org.triangulate.stats;
