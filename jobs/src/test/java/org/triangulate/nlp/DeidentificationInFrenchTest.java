package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;

/**
 * French interviews (test resources {@code languages/P09x-fr.txt}, written for this test) run
 * through the French pipeline and de-identified as the nightly job does it: French NER, the study's
 * list of each case's own names, France's identifier patterns. Their planted identifiers are listed
 * by hand beside them ({@code P09x-fr.truth.tsv}); recall is the share of their occurrences wholly
 * replaced. Real CoreNLP French models.
 */
class DeidentificationInFrenchTest {

  private static final List<String> TRANSCRIPTS = List.of("P090-fr", "P091-fr");

  private static final String STUDY = "fr-test";
  private static final Study.Languages LANGUAGES =
      new Study.Languages(List.of("en", "fr"), null, List.of("FR"));
  private static final Study.Deidentification LISTS =
      new Study.Deidentification(
          List.of(),
          List.of(),
          Map.of(
              "C10",
              new Study.CaseNames(List.of("Maison des Tilleuls"), List.of("Villeurbanne"), null)),
          List.of());

  private static final Map<String, String> texts = new java.util.HashMap<>();
  private static final Map<String, List<Identifier>> found = new java.util.HashMap<>();
  private static final Map<String, AnnotatedSource> annotations = new java.util.HashMap<>();

  @BeforeAll
  static void deidentify() throws IOException {
    SpeakerTurnSegmenter turns =
        new SpeakerTurnSegmenter(
            List.of("Interviewer", "Intervieweur"), List.of("Participant", "Participante"));
    LanguagePipelines pipelines =
        new LanguagePipelines(
            "tokenize,ssplit,pos,lemma,ner", NerSentences.CANDIDATES, LANGUAGES.declared());
    TranscriptSegmenter segmenter =
        new TranscriptSegmenter(turns, pipelines, new TranscriptLanguages(LANGUAGES), 3);
    IdentifierDetector detector = new IdentifierDetector(LISTS, LANGUAGES.countries());
    Deidentifier deidentifier =
        new Deidentifier(detector, new InMemoryPseudonyms(LISTS), turns::isRoleLabel);
    KnownNames known = new KnownNames();
    for (String name : TRANSCRIPTS) {
      String text = resource("languages/" + name + ".txt");
      SourceDocument source = new SourceDocument(name, name, name + ".txt", "00", text);
      AnnotatedSource annotated = segmenter.annotate(STUDY, source, "fr");
      detector.collectNames(text, annotated.entities(), known);
      texts.put(name, text);
      annotations.put(name, annotated);
    }
    for (String name : TRANSCRIPTS) {
      AnnotatedSource annotated = annotations.get(name);
      found.put(
          name,
          deidentifier.identifiers(
              texts.get(name), annotated.entities(), known, annotated.segments()));
    }
  }

  @Test
  void tellsTheTranscriptsAreInFrench() {
    for (String name : TRANSCRIPTS) {
      assertThat(new TranscriptLanguages(LANGUAGES).of(texts.get(name)).language()).isEqualTo("fr");
      assertThat(annotations.get(name).segments()).extracting(Segment::language).containsOnly("fr");
    }
  }

  @Test
  void replacesAtLeast95PercentOfThePlantedIdentifiers() throws IOException {
    int planted = 0;
    List<String> missed = new ArrayList<>();
    for (String name : TRANSCRIPTS) {
      String text = texts.get(name);
      List<int[]> spans = plantedSpans(name, text);
      List<String> missedHere = new ArrayList<>();
      for (int[] span : spans) {
        boolean covered =
            found.get(name).stream().anyMatch(id -> id.start() <= span[0] && span[1] <= id.end());
        if (!covered) {
          missedHere.add(text.substring(span[0], span[1]) + "@" + span[0]);
        }
      }
      System.out.printf(
          "%s: planted %d, replaced %d, recall %.3f, missed %s%n",
          name,
          spans.size(),
          spans.size() - missedHere.size(),
          1.0 - missedHere.size() / (double) spans.size(),
          missedHere);
      planted += spans.size();
      missed.addAll(missedHere);
    }
    double recall = 1.0 - missed.size() / (double) planted;
    System.out.printf("French transcripts: planted %d, recall %.3f%n", planted, recall);
    assertThat(planted).isGreaterThan(40);
    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void leavesTheWordsAroundTheIdentifiersStanding() {
    String text = texts.get("P090-fr");
    List<Identifier> identifiers = found.get("P090-fr");
    String kept =
        new Deidentifier(
                new IdentifierDetector(LISTS, LANGUAGES.countries()),
                new InMemoryPseudonyms(LISTS),
                l -> true)
            .replace(text, 0, text.length(), identifiers);
    assertThat(kept)
        .contains("supervision tous les mois avec")
        .contains("licence de médiateur de santé pair")
        .doesNotContain("Dubreuil")
        .doesNotContain("06 12 34 56 78")
        .doesNotContain("69100");
  }

  /**
   * Every whole-word occurrence of each planted text, leaving out those inside another planted
   * occurrence ("Hélène" within "Hélène Dubreuil" is one identifier, not two).
   */
  private static List<int[]> plantedSpans(String name, String text) throws IOException {
    List<int[]> spans = new ArrayList<>();
    for (String line : resource("languages/" + name + ".truth.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String planted = line.split("\t", 2)[1];
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(planted) + "(?![\\p{L}\\p{N}])")
              .matcher(text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    return spans.stream()
        .filter(s ->
            spans.stream()
                .noneMatch(
                    o -> o != s && o[0] <= s[0] && s[1] <= o[1] && o[1] - o[0] > s[1] - s[0]))
        .toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        DeidentificationInFrenchTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
