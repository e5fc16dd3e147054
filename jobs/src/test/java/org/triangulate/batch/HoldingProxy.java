package org.triangulate.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of Elasticsearch that holds the Nth bulk request until released, so
 * a test can stop the real node at an exact point of the index step. Test-only.
 */
final class HoldingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final int holdAtBulk;
  private final AtomicInteger bulks = new AtomicInteger();
  final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  HoldingProxy(int targetPort, int holdAtBulk) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.holdAtBulk = holdAtBulk;
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  void release() {
    release.countDown();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> relay(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      Socket upstream = null;
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          String head = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
          if (head.startsWith("POST")
              && head.contains("/_bulk")
              && bulks.incrementAndGet() == holdAtBulk) {
            holding.countDown();
            release.await();
          }
          if (upstream == null) {
            upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            Socket from = upstream;
            Thread.ofVirtual().start(() -> pipe(from, client));
          }
          upstream.getOutputStream().write(buffer, 0, n);
          upstream.getOutputStream().flush();
        }
      } finally {
        if (upstream != null) {
          upstream.close();
        }
      }
    } catch (IOException | InterruptedException dropped) {
      // the node is gone or the client hung up: the client sees the connection close
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
    } catch (IOException closed) {
      // either side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
  }
}
