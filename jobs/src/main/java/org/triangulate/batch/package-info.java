/**
 * The nightly job's wiring (one readable flow of steps), how a run is launched, restarted and
 * reported.
 */
package org.triangulate.batch;
