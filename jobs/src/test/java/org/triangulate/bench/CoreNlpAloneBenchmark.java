package org.triangulate.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.triangulate.ingest.TranscriptText;
import org.triangulate.nlp.CoreNlpAnnotator;

/**
 * The floor the pipeline is compared with: Stanford CoreNLP alone, one thread, the pipeline's own
 * annotators and settings, over the text of every transcript of a study (the text ingest reads,
 * whole files, no segmentation, no store). Prints words, seconds and words/s; model loading is
 * timed apart and left out. Run by {@code bench/run}; arguments: transcripts-folder annotators
 * [threads].
 *
 * <p>With more than one thread, each thread has a pipeline of its own and takes every n-th file,
 * all at once: the most these annotators can do on this machine's cores, whatever runs them. On a
 * 2-core machine that ceiling says how far above the one-thread floor a nightly run can get.
 */
public final class CoreNlpAloneBenchmark {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String annotators = args[1];
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        texts.add(
            TranscriptText.read(file.getFileName().toString(), Files.readAllBytes(file)).text());
      }
    }
    long words = texts.stream().mapToLong(t -> t.strip().split("\\s+").length).sum();
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    long loadStart = System.nanoTime();
    List<StanfordCoreNLP> pipelines = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      pipelines.add(new StanfordCoreNLP(CoreNlpAnnotator.properties(annotators)));
    }
    double load = (System.nanoTime() - loadStart) / 1e9;
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        running.add(
            pool.submit(() -> {
              for (int i = first; i < texts.size(); i += threads) {
                pipelines.get(first).annotate(new Annotation(texts.get(i)));
              }
            }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "RESULT corenlp_words=%d corenlp_seconds=%.1f corenlp_words_per_s=%.0f load_seconds=%.1f"
            + " threads=%d annotators=%s%n",
        words, seconds, words / seconds, load, threads, annotators);
    System.exit(0);
  }
}
