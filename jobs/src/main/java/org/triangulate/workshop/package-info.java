/**
 * The workshop loop: feedback workshops' notes ({@code data-in/<study>/workshops/<id>/}) ingested
 * as their own source kind, de-identified and coded, kept apart from participants' statistics, and
 * shown under each pattern as "What the workshop said".
 */
package org.triangulate.workshop;
