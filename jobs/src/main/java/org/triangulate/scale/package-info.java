/**
 * Scaling annotation past one machine: the annotate step's partitions sent over RabbitMQ to worker
 * processes (Spring Batch remote partitioning), which write to the shared PostgreSQL store.
 */
package org.triangulate.scale;
