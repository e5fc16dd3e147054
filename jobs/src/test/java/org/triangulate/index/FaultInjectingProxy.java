package org.triangulate.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the real test node that answers the next bulk requests with the faults
 * queued ({@link Fault}) and forwards everything else unchanged, so the real client meets real
 * 429s, 503s and dropped connections.
 */
final class FaultInjectingProxy implements AutoCloseable {

  enum Fault {
    /** 429 with Elasticsearch's rejection body, as a full write queue answers. */
    TOO_MANY_REQUESTS,
    /** 503 with Elasticsearch's unavailable body. */
    UNAVAILABLE,
    /** The connection closes without an answer. */
    DROP_CONNECTION
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade");

  private final URI target;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger bulkRequests = new AtomicInteger();

  FaultInjectingProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void inject(Fault... next) {
    faults.addAll(java.util.List.of(next));
  }

  /** Bulk requests that reached the proxy, faulted or not. */
  int bulkRequests() {
    return bulkRequests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      Fault fault = null;
      if (path.endsWith("/_bulk")) {
        bulkRequests.incrementAndGet();
        fault = faults.poll();
      }
      if (fault == Fault.DROP_CONNECTION) {
        return; // closing the exchange unanswered drops the connection
      }
      if (fault != null) {
        int status = fault == Fault.TOO_MANY_REQUESTS ? 429 : 503;
        String type =
            fault == Fault.TOO_MANY_REQUESTS
                ? "es_rejected_execution_exception"
                : "unavailable_shards_exception";
        answer(
            exchange,
            status,
            ("{\"error\":{\"type\":\""
                    + type
                    + "\",\"reason\":\"injected by the test\"},\"status\":"
                    + status
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      forward(exchange, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            values.forEach(v -> request.header(name, v));
          }
        });
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    response
        .headers()
        .map()
        .forEach((name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            exchange.getResponseHeaders().put(name, values);
          }
        });
    byte[] answer = response.body();
    exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
