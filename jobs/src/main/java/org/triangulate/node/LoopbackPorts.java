package org.triangulate.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks on 127.0.0.1, where the embedded node listens. Stateless. */
final class LoopbackPorts {

  private LoopbackPorts() {}

  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A busy port would let another server answer our health check while our node fails to bind. */
  static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " on 127.0.0.1 is taken by another process: stop it, or configure"
              + " another Elasticsearch port (0 picks a free one)",
          e);
    }
  }
}
