/**
 * Coding of transcript segments to categories, with provenance on every coding: imported REFI-QDA
 * codings attached to the segments they overlap ({@code imported:<tool>}) and rule-based
 * auto-coding over lemmas ({@code rule:<category>}).
 */
package org.triangulate.coding;
