package org.triangulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.coding.Coding;
import org.triangulate.coding.LemmaRuleCoder;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.nlp.SpeakerTurnSegmenter;
import org.triangulate.nlp.TranscriptSegmenter;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * The demo's codebook finds the planted themes: where a participant talks about an item (the
 * passages planted.yml lists for it in one transcript: the answer, any follow-up, any rating of its
 * importance), segmented and lemmatised by the real CoreNLP pipeline and coded by the codebook's
 * rules, some segment mostly carries a category of that item. Every fourth .txt transcript, to keep
 * the test short.
 */
class DemoCodebookIT {

  private static TranscriptSegmenter segmenter;

  @BeforeAll
  static void buildPipeline() {
    segmenter =
        new TranscriptSegmenter(
            new SpeakerTurnSegmenter(
                List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator")),
            new CoreNlpAnnotator("tokenize,ssplit,pos,lemma"),
            3);
  }

  @Test
  void mostPlantedPassagesAreCodedToACategoryOfTheirItem() {
    // given every fourth .txt transcript's planted passages
    Study study = DemoInputs.study();
    Codebook codebook = study.codebook();
    LemmaRuleCoder coder = new LemmaRuleCoder(codebook);
    Map<String, List<Map<?, ?>>> passagesByFile = new TreeMap<>();
    for (Object p : PlantedClaims.list(DemoInputs.planted().get("passages"))) {
      Map<?, ?> passage = (Map<?, ?>) p;
      passagesByFile
          .computeIfAbsent((String) passage.get("file"), f -> new ArrayList<>())
          .add(passage);
    }
    List<String> files = passagesByFile.keySet().stream().filter(f -> f.endsWith(".txt")).toList();

    // when each is segmented and coded as the nightly job does (participant segments only)
    Map<String, int[]> hitsByItem = new LinkedHashMap<>();
    for (int f = 0; f < files.size(); f += 4) {
      String file = files.get(f);
      String text = DemoInputs.canonicalText(file);
      String participant = file.replaceAll(".*/|\\..*", "");
      List<Segment> segments =
          segmenter.segment(
              "demo", new SourceDocument(file, participant, file, "0".repeat(64), text));
      Map<String, Boolean> discussed = new LinkedHashMap<>();
      for (Map<?, ?> passage : passagesByFile.get(file)) {
        int start = text.offsetByCodePoints(0, (Integer) passage.get("start"));
        int end = text.offsetByCodePoints(0, (Integer) passage.get("end"));
        Set<String> coded = new HashSet<>();
        for (Segment s : segments) {
          if (s.role() == SpeakerRole.PARTICIPANT && s.start() < end && s.end() > start) {
            coder.code(s.segmentId(), s.lemmas()).stream()
                .map(Coding::category)
                .forEach(coded::add);
          }
        }
        String item = (String) passage.get("item");
        boolean hit =
            codebook.categoriesForItem(item).stream().anyMatch(c -> coded.contains(c.id()));
        discussed.merge(item, hit, Boolean::logicalOr);
      }
      discussed.forEach((item, hit) -> {
        int[] counts = hitsByItem.computeIfAbsent(item, i -> new int[2]);
        counts[0] += hit ? 1 : 0;
        counts[1]++;
      });
    }

    // then at least 80% of all discussions, and half of every item's, carry one of its categories
    int hits = hitsByItem.values().stream().mapToInt(c -> c[0]).sum();
    int total = hitsByItem.values().stream().mapToInt(c -> c[1]).sum();
    assertThat(total).isGreaterThan(200);
    Map<String, String> byItem = new TreeMap<>();
    hitsByItem.forEach((item, c) -> byItem.put(item, c[0] + "/" + c[1]));
    assertThat((double) hits / total)
        .as("recall over %d discussions: %s", total, byItem)
        .isGreaterThanOrEqualTo(0.8);
    Map<String, String> weak = new TreeMap<>();
    hitsByItem.forEach((item, c) -> {
      if (c[1] >= 4 && (double) c[0] / c[1] < 0.5) {
        weak.put(item, c[0] + "/" + c[1]);
      }
    });
    assertThat(weak).as("items whose passages the codebook mostly misses").isEmpty();
  }
}
