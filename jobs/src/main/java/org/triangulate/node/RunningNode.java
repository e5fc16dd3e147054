package org.triangulate.node;

import java.net.URI;

/**
 * A live Elasticsearch node: its server process, HTTP port and base URL. Immutable.
 *
 * @param pid the server JVM's process id (from the node's PID file)
 * @param port the HTTP port on 127.0.0.1
 * @param url the base URL clients use, e.g. {@code http://127.0.0.1:9200}
 * @param startedNow true when the call that returned this launched the node, false when it was
 *     already running
 */
public record RunningNode(long pid, int port, URI url, boolean startedNow) {}
