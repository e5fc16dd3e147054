/**
 * The embedded Elasticsearch node: one way of providing the cluster the pipeline reaches through
 * {@code spring.elasticsearch.uris}, started on 127.0.0.1 by the command line when no external
 * cluster is configured. Nothing in the pipeline imports this package.
 */
package org.triangulate.node;
