package org.triangulate.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.nlp.AnnotatedSentence;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import org.triangulate.web.CoreNlpQueryLemmatizer;
import org.triangulate.web.ExtractQuery;
import org.triangulate.web.ExtractSearchResult;
import org.triangulate.web.ExtractSearchService;
import org.triangulate.web.QueryAnalyzer;
import org.triangulate.web.SearchSort;

/**
 * Search load: builds a corpus of about {@code words} words from the demo transcripts' sentences
 * (really lemmatised by CoreNLP, recombined with a fixed seed into 1–3 sentence extracts spread
 * over the demo's participants), indexes it into a node of its own, then runs {@code clients}
 * threads of searches (words, phrases, exclusions, group filters) through the search service for
 * {@code seconds}, and prints p50/p95/p99 of the latency seen by the caller beside Elasticsearch's
 * own {@code took}. Run by {@code bench/search-load}; arguments: words clients seconds.
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
  private static final List<String> GROUPS =
      List.of(
          "service_user",
          "peer_worker",
          "coworker",
          "line_manager",
          "strategic_manager",
          "commissioner");

  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path home = TestElasticsearch.home();
    Study study = new StudyLoader().load(home.resolve("config"), "demo");
    try (ElasticsearchClient client =
        ElasticsearchClient.of(b ->
            b.host(TestElasticsearch.url().toString()).jsonMapper(new Jackson3JsonpMapper()))) {
      long start = System.nanoTime();
      int indexed = index(client, study, home.resolve("data-in/demo/transcripts"), words);
      System.out.printf(
          "Indexed %d extracts (~%d words) in %.1f s%n",
          indexed, words, (System.nanoTime() - start) / 1e9);
      ExtractSearchService search =
          new ExtractSearchService(client, study, new QueryAnalyzer(new CoreNlpQueryLemmatizer()));
      run(search, clients, 5, false); // warm-up
      run(search, clients, seconds, true);
    }
    System.exit(0);
  }

  private static int index(ElasticsearchClient client, Study study, Path transcripts, int words)
      throws Exception {
    CoreNlpAnnotator annotator = new CoreNlpAnnotator("tokenize,ssplit,pos,lemma");
    List<String[]> sentences = new ArrayList<>(); // text, lemmas
    try (Stream<Path> files = Files.list(transcripts)) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          String text = line.replaceFirst("^[^:]{1,30}:\\s*", "").strip();
          for (AnnotatedSentence s : annotator.annotate(text)) {
            String lemmas =
                s.tokens().stream()
                    .map(t -> t.lemma().toLowerCase(Locale.ROOT))
                    .filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
                    .collect(Collectors.joining(" "));
            sentences.add(new String[] {text.substring(s.start(), s.end()), lemmas});
          }
        }
      }
    }
    String index = ExtractIndexMapping.alias(study.name()) + "-bench";
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    client
        .indices()
        .create(c ->
            c.index(index)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                .mappings(ExtractIndexMapping.forStudy(study))
                .aliases(ExtractIndexMapping.alias(study.name()), a -> a));
    Random random = new Random(42);
    int count = 0;
    int written = 0;
    try (ExtractBulkIndexer indexer =
        new ExtractBulkIndexer(client, index, BulkSettings.of(1_000, 5_000_000, 2, 100, 8))) {
      while (written < words) {
        StringBuilder text = new StringBuilder();
        StringBuilder lemmas = new StringBuilder();
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
          String[] s = sentences.get(random.nextInt(sentences.size()));
          text.append(k == 0 ? "" : " ").append(s[0]);
          lemmas.append(k == 0 ? "" : " ").append(s[1]);
        }
        int participant = random.nextInt(90);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("employer", random.nextBoolean() ? "nhs" : "voluntary");
        attributes.put("stakeholder_group", GROUPS.get(participant % GROUPS.size()));
        String id = String.format("b%07d", count);
        indexer.index(
            new ExtractDocument(
                id,
                study.name(),
                text.toString(),
                lemmas.toString(),
                WordStems.ofLemmas(lemmas.toString()),
                "participant",
                String.format("P%03d", participant),
                String.format("C%02d", participant % 10),
                attributes,
                List.of(),
                List.of(),
                List.of(),
                "bench.txt",
                0,
                text.length(),
                count,
                true,
                1L,
                null));
        written += text.toString().split("\\s+").length;
        count++;
      }
      indexer.drain();
    }
    client.indices().refresh(r -> r.index(index));
    return count;
  }

  private static void run(ExtractSearchService search, int clients, int seconds, boolean report)
      throws InterruptedException {
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // micros, took ms
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int seed = c;
      pool.submit(() -> {
        Random random = new Random(seed);
        while (System.nanoTime() < end) {
          String words = QUERIES.get(random.nextInt(QUERIES.size()));
          Map<String, List<String>> filters =
              random.nextBoolean()
                  ? Map.of("stakeholder_group", List.of(GROUPS.get(random.nextInt(GROUPS.size()))))
                  : Map.of();
          long t0 = System.nanoTime();
          ExtractSearchResult result =
              search.search(new ExtractQuery(words, filters, 1, 20, SearchSort.RELEVANCE));
          samples.add(new long[] {(System.nanoTime() - t0) / 1_000, result.took()});
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    if (!report) {
      return;
    }
    List<long[]> all = new ArrayList<>(samples);
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
