package org.triangulate.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * Bulk indexing through the pipeline's bulk helper ({@link ExtractBulkIndexer}, the configured
 * batch sizes and concurrency) beside the floor: the same documents as NDJSON, cut into the same
 * requests, posted by curl to {@code _bulk} with the same number of requests in flight, on the same
 * node, alternating which goes first. Prints docs/s of each and their ratio (median of the rounds).
 * Run by {@code bench/run}; arguments: words rounds.
 */
public final class BulkIndexBenchmark {

  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path home = TestElasticsearch.home();
    Study study = new StudyLoader().load(home.resolve("config"), "demo");
    // The configured defaults (config/application.yml): 500 documents or 5 MB, 2 in flight.
    BulkSettings bulk = BulkSettings.of(500, 5_000_000, 2, 200, 8);
    Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();
    try (ElasticsearchClient client =
        ElasticsearchClient.of(
            b -> b.host(TestElasticsearch.url().toString()).jsonMapper(mapper))) {
      List<ExtractDocument> extracts =
          BenchCorpus.extracts(study, home.resolve("data-in/demo/transcripts"), words);
      List<Path> requests = ndjsonRequests(extracts, bulk, mapper);
      System.out.printf(
          "Corpus: %d extracts, ~%d words, %d bulk requests of at most %d documents%n",
          extracts.size(), words, requests.size(), bulk.maxOperations());
      List<Double> ratios = new ArrayList<>();
      List<Double> ours = new ArrayList<>();
      List<Double> curls = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        double helper;
        double curl;
        if (round % 2 == 0) {
          helper = viaHelper(client, study, extracts, bulk);
          curl = viaCurl(client, study, requests, bulk, extracts.size());
        } else {
          curl = viaCurl(client, study, requests, bulk, extracts.size());
          helper = viaHelper(client, study, extracts, bulk);
        }
        ours.add(helper);
        curls.add(curl);
        ratios.add(helper / curl);
        System.out.printf(
            "round %d: bulk helper %.0f docs/s, curl _bulk %.0f docs/s, ratio %.2f%n",
            round + 1, helper, curl, helper / curl);
      }
      System.out.printf(
          "RESULT bulk_helper_docs_per_s=%.0f curl_docs_per_s=%.0f ratio=%.2f%n",
          median(ours), median(curls), median(ratios));
    }
    System.exit(0);
  }

  private static double viaHelper(
      ElasticsearchClient client, Study study, List<ExtractDocument> extracts, BulkSettings bulk)
      throws Exception {
    String index = "bench-bulk-helper";
    TestElasticsearch.createExtractIndex(client, study, index, false);
    long start = System.nanoTime();
    try (ExtractBulkIndexer indexer = new ExtractBulkIndexer(client, index, bulk)) {
      extracts.forEach(indexer::index);
      ExtractBulkIndexer.Outcome outcome = indexer.drain();
      if (!outcome.rejected().isEmpty()) {
        throw new IllegalStateException("rejected: " + outcome.rejected().getFirst().reason());
      }
    }
    client.indices().refresh(r -> r.index(index));
    double seconds = (System.nanoTime() - start) / 1e9;
    check(client, index, extracts.size());
    return extracts.size() / seconds;
  }

  private static double viaCurl(
      ElasticsearchClient client, Study study, List<Path> requests, BulkSettings bulk, int docs)
      throws Exception {
    String index = "bench-bulk-curl";
    TestElasticsearch.createExtractIndex(client, study, index, false);
    String url = TestElasticsearch.url() + "/" + index + "/_bulk";
    Queue<Path> todo = new ConcurrentLinkedQueue<>(requests);
    ExecutorService inFlight = Executors.newFixedThreadPool(bulk.concurrentRequests());
    long start = System.nanoTime();
    List<Future<?>> senders = new ArrayList<>();
    for (int i = 0; i < bulk.concurrentRequests(); i++) {
      senders.add(
          inFlight.submit(() -> {
            for (Path request = todo.poll(); request != null; request = todo.poll()) {
              post(url, request);
            }
            return null;
          }));
    }
    for (Future<?> sender : senders) {
      sender.get();
    }
    inFlight.shutdown();
    client.indices().refresh(r -> r.index(index));
    double seconds = (System.nanoTime() - start) / 1e9;
    check(client, index, docs);
    return docs / seconds;
  }

  private static void post(String url, Path request) throws IOException, InterruptedException {
    Process curl =
        new ProcessBuilder(
                "curl",
                "-sS",
                "-H",
                "Content-Type: application/x-ndjson",
                "--data-binary",
                "@" + request,
                url)
            .redirectErrorStream(true)
            .start();
    String response = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (curl.waitFor() != 0 || !response.contains("\"errors\":false")) {
      throw new IllegalStateException("curl _bulk failed: " + response.substring(0, 300));
    }
  }

  /** The documents as the bulk helper sends them, cut at the same document and byte limits. */
  private static List<Path> ndjsonRequests(
      List<ExtractDocument> extracts, BulkSettings bulk, Jackson3JsonpMapper mapper)
      throws IOException {
    Path folder = Files.createTempDirectory("bench-bulk");
    folder.toFile().deleteOnExit();
    List<Path> requests = new ArrayList<>();
    StringBuilder request = new StringBuilder();
    int inRequest = 0;
    for (ExtractDocument extract : extracts) {
      String line =
          "{\"index\":{\"_id\":\""
              + extract.id()
              + "\"}}\n"
              + JsonpUtils.toJsonString(extract, mapper)
              + "\n";
      if (inRequest > 0
          && (inRequest == bulk.maxOperations()
              || request.length() + line.length() > bulk.maxBytes())) {
        requests.add(write(folder, requests.size(), request));
        request.setLength(0);
        inRequest = 0;
      }
      request.append(line);
      inRequest++;
    }
    if (inRequest > 0) {
      requests.add(write(folder, requests.size(), request));
    }
    return requests;
  }

  private static Path write(Path folder, int number, CharSequence request) throws IOException {
    Path file = folder.resolve(String.format("bulk-%05d.ndjson", number));
    Files.writeString(file, request, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  private static void check(ElasticsearchClient client, String index, int expected)
      throws IOException {
    long count = client.count(c -> c.index(index)).count();
    if (count != expected) {
      throw new IllegalStateException(index + " holds " + count + " documents, not " + expected);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
