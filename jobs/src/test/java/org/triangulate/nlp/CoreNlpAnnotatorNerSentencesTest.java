package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.TranscriptText;

/**
 * The real models over every third demo transcript, turn by turn as the nightly job annotates: NER
 * on candidate sentences only must label every entity token NER on every sentence labels.
 */
class CoreNlpAnnotatorNerSentencesTest {

  private static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";
  private static final Path TRANSCRIPTS = home().resolve("data-in/demo/transcripts");

  @Test
  void candidateSentencesGiveEveryEntityTokenEverySentenceGives() throws IOException {
    CoreNlpAnnotator everySentence = new CoreNlpAnnotator(ANNOTATORS, NerSentences.ALL);
    CoreNlpAnnotator candidatesOnly = new CoreNlpAnnotator(ANNOTATORS, NerSentences.CANDIDATES);
    SpeakerTurnSegmenter turns =
        new SpeakerTurnSegmenter(
            List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"),
            List.of("Interviewee", "Respondent", "R", "Participant", "P", "A"));

    List<String> missed = new ArrayList<>();
    List<String> otherwiseDifferentTurns = new ArrayList<>();
    int entityTokens = 0;
    int skippedSentences = 0;
    for (String text : sampleTranscripts()) {
      for (SpeakerTurn turn : turns.segment(text)) {
        String turnText = text.substring(turn.start(), turn.end());
        List<AnnotatedSentence> expected = everySentence.annotate(turnText);
        List<AnnotatedSentence> actual = candidatesOnly.annotate(turnText);

        assertThat(actual).hasSameSizeAs(expected);
        for (int s = 0; s < expected.size(); s++) {
          List<AnnotatedSentence.Token> expectedTokens = expected.get(s).tokens();
          List<AnnotatedSentence.Token> actualTokens = actual.get(s).tokens();
          assertThat(actualTokens).hasSameSizeAs(expectedTokens);
          if (!NerCandidateSentences.isCandidate(coreLabels(actualTokens))) {
            skippedSentences++;
          }
          for (int t = 0; t < expectedTokens.size(); t++) {
            String label = expectedTokens.get(t).ner();
            if (!"O".equals(label)) {
              entityTokens++;
              if (!label.equals(actualTokens.get(t).ner())) {
                missed.add(expectedTokens.get(t).word() + "/" + label + " in: " + turnText);
              }
            }
          }
        }
        // Words, lemmas, tags and the O of every other token as well.
        if (!actual.equals(expected)) {
          otherwiseDifferentTurns.add(turnText);
        }
      }
    }

    assertThat(missed).isEmpty();
    assertThat(otherwiseDifferentTurns).isEmpty();
    // Not vacuous: entities to find, and sentences NER was spared (on this sample 529 entity
    // tokens, and 5,379 of 5,886 sentences spared).
    assertThat(entityTokens).isGreaterThan(100);
    assertThat(skippedSentences).isPositive();
  }

  private static List<String> sampleTranscripts() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(TRANSCRIPTS)) {
      files = listed.sorted().toList();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < files.size(); i += 3) {
      Path file = files.get(i);
      texts.add(
          TranscriptText.read(file.getFileName().toString(), Files.readAllBytes(file)).text());
    }
    return texts;
  }

  private static List<CoreLabel> coreLabels(List<AnnotatedSentence.Token> tokens) {
    List<CoreLabel> labels = new ArrayList<>();
    for (AnnotatedSentence.Token token : tokens) {
      CoreLabel label = new CoreLabel();
      label.setWord(token.word());
      label.setTag(token.tag());
      labels.add(label);
    }
    return labels;
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
