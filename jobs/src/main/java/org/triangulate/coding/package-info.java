/**
 * Coding of transcript segments to categories, with provenance on every coding: imported REFI-QDA
 * codings attached to the segments they overlap ({@code imported:<tool>}) and rule-based
 * auto-coding over lemmas ({@code rule:<rule id>}); the run's coverage report and the REFI-QDA
 * export of the study's coding.
 */
package org.triangulate.coding;
