/**
 * Elasticsearch: the extracts index mapping, bulk writing and the alias swap, against whatever
 * cluster {@code spring.elasticsearch.uris} names.
 */
package org.triangulate.index;
