/**
 * Framework and presence matrices written every night to {@code data-out/<study>/matrices/}: case ×
 * category with participants, the in-place share of their answers and quotes (HTML and CSV), and
 * participant × category and case × category presence tables for R, SPSS and spreadsheets.
 */
package org.triangulate.matrices;
