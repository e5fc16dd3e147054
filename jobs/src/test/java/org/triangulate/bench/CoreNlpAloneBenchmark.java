package org.triangulate.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.triangulate.ingest.TranscriptText;
import org.triangulate.nlp.CoreNlpAnnotator;

/**
 * The floor the pipeline is compared with: Stanford CoreNLP alone, one thread, the pipeline's own
 * annotators and settings, over the text of every transcript of a study (the text ingest reads,
 * whole files, no segmentation, no store). Prints words, seconds and words/s; model loading is
 * timed apart and left out. Run by {@code bench/run}; arguments: transcripts-folder annotators.
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
    long loadStart = System.nanoTime();
    StanfordCoreNLP pipeline = new StanfordCoreNLP(CoreNlpAnnotator.properties(annotators));
    double load = (System.nanoTime() - loadStart) / 1e9;
    long start = System.nanoTime();
    for (String text : texts) {
      pipeline.annotate(new Annotation(text));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "RESULT corenlp_words=%d corenlp_seconds=%.1f corenlp_words_per_s=%.0f load_seconds=%.1f"
            + " annotators=%s%n",
        words, seconds, words / seconds, load, annotators);
    System.exit(0);
  }
}
