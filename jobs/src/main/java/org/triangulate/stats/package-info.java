/**
 * Item statistics, group comparisons, pattern detection: pure computation over structured answers
 * (no Spring, no store, apart from the tasklets and {@link org.triangulate.stats.StudyStatistics}),
 * turned into {@code items}, {@code comparisons} and {@code patterns}, each as CSV and JSON.
 */
package org.triangulate.stats;
