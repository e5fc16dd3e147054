/**
 * Elasticsearch: the extracts index mapping, bulk writing, the alias swap, and the manager of the
 * embedded server that the launcher starts on 127.0.0.1 when no external cluster is configured.
 */
package org.triangulate.index;
