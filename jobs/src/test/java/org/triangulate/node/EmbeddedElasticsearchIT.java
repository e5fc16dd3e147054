package org.triangulate.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.triangulate.index.TestElasticsearch;

class EmbeddedElasticsearchIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedElasticsearch lifecycle;

  @AfterEach
  void stopLifecycleNode() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  @Test
  void startingAgainReturnsTheNodeAlreadyRunning() {
    // given
    RunningNode first = TestElasticsearch.node();

    // when
    RunningNode again = TestElasticsearch.manager().start();

    // then
    assertThat(again.startedNow()).isFalse();
    assertThat(again.pid()).isEqualTo(first.pid());
    assertThat(again.url()).isEqualTo(first.url());
  }

  @Test
  void runningNodeReportsYellowOrGreenHealth() throws Exception {
    // given
    URI url = TestElasticsearch.url();

    // when
    HttpResponse<String> health =
        send(HttpRequest.newBuilder(url.resolve("/_cluster/health")).GET());

    // then
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).containsPattern("\"status\":\"(yellow|green)\"");
  }

  @Test
  void indexedDocumentIsCountedOverPlainHttp() throws Exception {
    // given
    URI index = TestElasticsearch.url().resolve("/embedded-it-" + UUID.randomUUID() + "/");

    // when
    HttpResponse<String> indexed =
        send(
            HttpRequest.newBuilder(index.resolve("_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString("{\"text\":\"peer support works here\"}")));
    HttpResponse<String> count = send(HttpRequest.newBuilder(index.resolve("_count")).GET());

    // then
    assertThat(indexed.statusCode()).isEqualTo(201);
    assertThat(count.body()).contains("\"count\":1");
  }

  @Test
  void stoppingAManagerOfAnotherInstanceLeavesTheRunningNodeAlone() {
    // given
    RunningNode running = TestElasticsearch.node();
    EmbeddedElasticsearch other =
        new EmbeddedElasticsearch(TestElasticsearch.settings("never-started"));

    // when
    boolean stopped = other.stop();

    // then
    assertThat(stopped).isFalse();
    assertThat(TestElasticsearch.manager().status())
        .hasValueSatisfying(node -> assertThat(node.pid()).isEqualTo(running.pid()));
  }

  @Test
  void stoppedNodeHasNoStatusAndItsProcessIsGone() {
    // given
    lifecycle = new EmbeddedElasticsearch(TestElasticsearch.settings("lifecycle"));
    RunningNode node = lifecycle.start();

    // when
    boolean stopped = lifecycle.stop();

    // then
    assertThat(stopped).isTrue();
    assertThat(lifecycle.status()).isEmpty();
    assertThat(ProcessHandle.of(node.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(lifecycle.stop()).isFalse();
    assertThat(TestElasticsearch.manager().status()).isPresent();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
