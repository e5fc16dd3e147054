package org.triangulate.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.triangulate.align.MiniLmEmbedder;
import org.triangulate.align.SentenceEmbedder;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import org.triangulate.web.CoreNlpQueryLemmatizer;
import org.triangulate.web.ExtractQuery;
import org.triangulate.web.ExtractSearchResult;
import org.triangulate.web.ExtractSearchService;
import org.triangulate.web.QueryAnalyzer;
import org.triangulate.web.SearchMode;
import org.triangulate.web.SearchSort;

/**
 * Search load: builds a corpus of about {@code words} words from the demo transcripts' sentences
 * (really lemmatised by CoreNLP, recombined with a fixed seed into 1–3 sentence extracts spread
 * over the demo's participants), indexes it into a node of its own, then runs {@code clients}
 * threads of searches (words, phrases, exclusions, group filters) through the search service for
 * {@code seconds}, and prints p50/p95/p99 of the latency seen by the caller beside Elasticsearch's
 * own {@code took}, after {@code warm-up} seconds of the same load (see {@link #warmUp}). Run by
 * {@code bench/search-load}; arguments: words clients seconds warm-up [mode]. Mode {@code meaning}
 * gives every extract its sentence vector (embedded here by the alignment model, as a night's
 * alignment would store it) and searches by meaning, with sentences instead of keywords.
 */
public final class SearchLoadBenchmark {

  private static final List<String> QUERIES =
      List.of(
          "pay",
          "supervising",
          "training",
          "\"peer worker\"",
          "role -pay",
          "boundaries",
          "manager support",
          "lived experience",
          "supervision | training",
          "promot*");

  /** What analysts might ask by meaning: sentences more than keywords. */
  private static final List<String> MEANINGS =
      List.of(
          "salary unfair",
          "nobody checks how I am coping",
          "being held down on the ward",
          "my manager backs me up",
          "telling people about my own mental health",
          "the job advert asked for lived experience",
          "courses to learn the role",
          "colleagues do not understand what peer workers are for",
          "money for the service runs out next year",
          "people who use the service help shape it");

  private static final List<String> GROUPS =
      List.of(
          "service_user",
          "peer_worker",
          "coworker",
          "line_manager",
          "strategic_manager",
          "commissioner");

  private static final int WINDOW_SECONDS = 10;

  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 240;
    SearchMode mode =
        args.length > 4
            ? SearchMode.valueOf(args[4].toUpperCase(java.util.Locale.ROOT))
            : SearchMode.WORDS;
    Path home = TestElasticsearch.home();
    Study study = new StudyLoader().load(home.resolve("config"), "demo");
    try (ElasticsearchClient client = TestElasticsearch.client()) {
      long start = System.nanoTime();
      int indexed = index(client, study, home.resolve("data-in/demo/transcripts"), words, mode);
      System.out.printf(
          "Indexed %d extracts (~%d words) in %.1f s%n",
          indexed, words, (System.nanoTime() - start) / 1e9);
      ExtractSearchService search =
          new ExtractSearchService(client, study, new QueryAnalyzer(new CoreNlpQueryLemmatizer()));
      warmUp(search, clients, warmUp, mode);
      print(run(search, clients, seconds, mode), clients, seconds);
    }
    System.exit(0);
  }

  private static int index(
      ElasticsearchClient client, Study study, Path transcripts, int words, SearchMode mode)
      throws Exception {
    List<ExtractDocument> extracts = BenchCorpus.extracts(study, transcripts, words);
    if (mode == SearchMode.MEANING) {
      SentenceEmbedder embedder = new MiniLmEmbedder(study.alignment().model());
      List<float[]> vectors = embedder.embed(extracts.stream().map(ExtractDocument::text).toList());
      List<ExtractDocument> withVectors = new ArrayList<>(extracts.size());
      for (int i = 0; i < extracts.size(); i++) {
        withVectors.add(extracts.get(i).withVector(vectors.get(i)));
      }
      extracts = withVectors;
    }
    String index = ExtractIndexMapping.alias(study.name()) + "-bench";
    TestElasticsearch.createExtractIndex(client, study, index, true);
    try (ExtractBulkIndexer indexer =
        new ExtractBulkIndexer(client, index, BulkSettings.of(1_000, 5_000_000, 2, 100, 8))) {
      extracts.forEach(indexer::index);
      indexer.drain();
    }
    client.indices().refresh(r -> r.index(index));
    return extracts.size();
  }

  /**
   * Runs the load for {@code seconds} in windows of {@value #WINDOW_SECONDS} s, printing each
   * window's rate. A freshly started node spends minutes under this load compiling its search path:
   * here its rate rose from about 50 searches/s in the first window to 500–600/s after two and a
   * half to three minutes, with plateaus on the way (so a "rate stopped rising" test ended one
   * warm-up after a minute, at 240/s). Analysts meet a node that has been up since the night, so
   * the figures are taken after a warm-up longer than that.
   */
  private static void warmUp(ExtractSearchService search, int clients, int seconds, SearchMode mode)
      throws InterruptedException {
    List<Long> rates = new ArrayList<>();
    for (int elapsed = 0; elapsed < seconds; elapsed += WINDOW_SECONDS) {
      rates.add(
          Math.round(run(search, clients, WINDOW_SECONDS, mode).size() / (double) WINDOW_SECONDS));
    }
    System.out.printf(
        "Warm-up: %d s, searches/s per %d s window: %s%n", seconds, WINDOW_SECONDS, rates);
  }

  /** Samples of {@code seconds} of load: caller latency in microseconds, took in milliseconds. */
  private static List<long[]> run(
      ExtractSearchService search, int clients, int seconds, SearchMode mode)
      throws InterruptedException {
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // micros, took ms
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int seed = c;
      pool.submit(() -> {
        Random random = new Random(seed);
        while (System.nanoTime() < end) {
          List<String> queries = mode == SearchMode.MEANING ? MEANINGS : QUERIES;
          String words = queries.get(random.nextInt(queries.size()));
          Map<String, List<String>> filters =
              random.nextBoolean()
                  ? Map.of("stakeholder_group", List.of(GROUPS.get(random.nextInt(GROUPS.size()))))
                  : Map.of();
          long t0 = System.nanoTime();
          ExtractSearchResult result =
              search.search(
                  new ExtractQuery(words, filters, 1, 20, SearchSort.RELEVANCE, null, mode, null));
          samples.add(new long[] {(System.nanoTime() - t0) / 1_000, result.took()});
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    return new ArrayList<>(samples);
  }

  private static void print(List<long[]> all, int clients, int seconds) {
    long[] latency = all.stream().mapToLong(s -> s[0]).sorted().toArray();
    long[] took = all.stream().mapToLong(s -> s[1]).sorted().toArray();
    System.out.printf(
        "%d searches by %d clients in %d s (%.0f/s)%n",
        latency.length, clients, seconds, latency.length / (double) seconds);
    System.out.printf("%-22s %8s %8s %8s%n", "", "p50", "p95", "p99");
    System.out.printf(
        "%-22s %8.1f %8.1f %8.1f%n",
        "caller latency (ms)",
        pct(latency, 50) / 1000.0,
        pct(latency, 95) / 1000.0,
        pct(latency, 99) / 1000.0);
    System.out.printf(
        "%-22s %8d %8d %8d%n",
        "Elasticsearch took (ms)", pct(took, 50), pct(took, 95), pct(took, 99));
  }

  private static long pct(long[] sorted, int p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
