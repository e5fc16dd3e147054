package org.triangulate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.triangulate.index.ExtractDocument;
import org.triangulate.nlp.AnnotatedSentence;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;

/**
 * A corpus of about {@code words} words of extracts for the index benchmarks: the demo transcripts'
 * sentences, really lemmatised by CoreNLP, recombined with a fixed seed into 1–3 sentence extracts
 * spread over participants, groups and cases of the study's own attributes.
 */
final class BenchCorpus {

  private BenchCorpus() {}

  static List<ExtractDocument> extracts(Study study, Path transcripts, int words)
      throws IOException {
    List<String[]> sentences = sentences(transcripts); // text, lemmas
    Map<String, List<String>> attributeValues = new HashMap<>();
    study
        .caseAttributes()
        .forEach(a -> attributeValues.put(a.id(), List.copyOf(a.values().keySet())));
    study
        .participantAttributes()
        .forEach(a -> attributeValues.put(a.id(), List.copyOf(a.values().keySet())));
    Random random = new Random(42);
    List<ExtractDocument> extracts = new ArrayList<>();
    int written = 0;
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
      attributeValues.forEach((attribute, values) ->
          attributes.put(
              attribute, values.get((participant * 7 + attribute.length()) % values.size())));
      int count = extracts.size();
      extracts.add(
          ExtractDocument.builder()
              .id(String.format("b%07d", count))
              .study(study.name())
              .text(text.toString())
              .lemmas(lemmas.toString())
              .stems(WordStems.ofLemmas(lemmas.toString()))
              .speakerRole("participant")
              .participantId(String.format("P%03d", participant))
              .caseId(String.format("C%02d", participant % 10))
              .attributes(attributes)
              .sourceFile("bench.txt")
              .startOffset(0)
              .endOffset(text.length())
              .turnIndex(count)
              .deidentified(true)
              .runId(1L)
              .build());
      written += text.toString().split("\\s+").length;
    }
    return extracts;
  }

  private static List<String[]> sentences(Path transcripts) throws IOException {
    CoreNlpAnnotator annotator = new CoreNlpAnnotator("tokenize,ssplit,pos,lemma");
    List<String[]> sentences = new ArrayList<>();
    try (Stream<Path> files = Files.list(transcripts)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
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
    return sentences;
  }
}
