/**
 * The demo study generator: a seeded, byte-reproducible comparative case study (cases,
 * participants, structured answers, transcripts, a REFI-QDA project) with its planted truth. Its
 * design and phrase bank are data under {@code resources/demo/}; the pipeline never uses this
 * package.
 */
package org.triangulate.demo;
