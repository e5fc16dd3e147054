package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.demo.DemoGenerator;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * End to end on the demo generated with interviews in French ({@code --second-language fr}): each
 * French transcript is told French, annotated with the real French CoreNLP models and de-identified
 * as the nightly job does it (the generated study's lists and countries, names collected over the
 * transcripts first, speaker labels that are names); recall is the share of the identifiers
 * planted.yml records for them that a found identifier wholly covers. The generator's places and
 * organisations in French are in none of the study's lists, so this measures detection.
 */
class DemoInFrenchDeidentificationTest {

  private static final int FRENCH = 10;

  @TempDir Path temp;

  @Test
  @SuppressWarnings("unchecked")
  void replacesAtLeast95PercentOfTheIdentifiersPlantedInTheFrenchTranscripts() throws IOException {
    // given the demo with ten interviews in French, and the study it declares
    Path out = temp.resolve("data-in/bilingual");
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(
                7, 1, out, temp.resolve("config"), "demo", false, "fr", FRENCH));
    Study study = new StudyLoader().load(temp.resolve("config"), "bilingual");
    Map<String, Object> planted;
    try (InputStream in = Files.newInputStream(out.resolve("planted.yml"))) {
      planted = new YAMLMapper().readValue(in, Map.class);
    }
    List<String> files =
        (List<String>) ((Map<String, Object>) planted.get("second-language")).get("transcripts");

    // when they are annotated in their language and de-identified as the night does it
    SpeakerTurnSegmenter turns =
        new SpeakerTurnSegmenter(
            List.of("Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"),
            List.of("Interviewee", "Respondent", "R", "Participant", "P", "A"));
    TranscriptLanguages languages = new TranscriptLanguages(study.languages());
    TranscriptSegmenter segmenter =
        new TranscriptSegmenter(
            turns,
            new LanguagePipelines(
                "tokenize,ssplit,pos,lemma,ner",
                NerSentences.CANDIDATES,
                study.languages().declared()),
            languages,
            3);
    IdentifierDetector detector =
        new IdentifierDetector(study.deidentify(), study.languages().countries());
    Deidentifier deidentifier =
        new Deidentifier(detector, new InMemoryPseudonyms(study.deidentify()), turns::isRoleLabel);
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, AnnotatedSource> annotated = new LinkedHashMap<>();
    KnownNames known = new KnownNames();
    for (String file : files) {
      String text = canonicalText(out.resolve(file));
      LanguageVerdict verdict = languages.of(text);
      assertThat(verdict.language()).as(file + " " + verdict.sharesText()).isEqualTo("fr");
      String id = Path.of(file).getFileName().toString();
      AnnotatedSource source =
          segmenter.annotate(
              study.name(), new SourceDocument(id, id, file, "00", text), verdict.language());
      assertThat(source.segments()).extracting(Segment::language).containsOnly("fr");
      detector.collectNames(text, source.entities(), known);
      deidentifier
          .labelNames(source.segments())
          .forEach(name -> known.add(IdentifierKind.PERSON, name));
      texts.put(file, text);
      annotated.put(file, source);
    }

    // then the identifiers planted in them are replaced
    Map<String, List<Identifier>> found = new LinkedHashMap<>();
    for (String file : files) {
      AnnotatedSource source = annotated.get(file);
      found.put(
          file,
          deidentifier.identifiers(texts.get(file), source.entities(), known, source.segments()));
    }
    int count = 0;
    List<String> missed = new ArrayList<>();
    Map<String, int[]> byKind = new TreeMap<>();
    for (Map<String, Object> id : (List<Map<String, Object>>) planted.get("identifiers")) {
      String file = (String) id.get("file");
      if (!files.contains(file)) {
        continue;
      }
      String text = texts.get(file);
      int start = text.offsetByCodePoints(0, (Integer) id.get("start"));
      int end = text.offsetByCodePoints(0, (Integer) id.get("end"));
      assertThat(text.substring(start, end)).isEqualTo(id.get("text"));
      boolean covered =
          found.get(file).stream().anyMatch(f -> f.start() <= start && end <= f.end());
      int[] tally = byKind.computeIfAbsent((String) id.get("kind"), k -> new int[2]);
      tally[0]++;
      count++;
      if (covered) {
        tally[1]++;
      } else {
        missed.add(id.get("kind") + " '" + id.get("text") + "' in " + file + "@" + start);
      }
    }
    double recall = 1.0 - missed.size() / (double) count;
    System.out.printf(
        "Demo in French (%d transcripts): planted %d, replaced %d, recall %.3f; by kind %s;"
            + " missed %s%n",
        files.size(),
        count,
        count - missed.size(),
        recall,
        byKind.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0])
            .collect(Collectors.joining(", ")),
        missed);
    assertThat(count).isGreaterThan(60);
    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
  }

  /** Canonical text: BOM dropped, CRLF as LF, NFC; a .docx's paragraphs joined by LF. */
  private static String canonicalText(Path file) throws IOException {
    if (file.toString().endsWith(".docx")) {
      try (XWPFDocument document = new XWPFDocument(Files.newInputStream(file))) {
        return document.getParagraphs().stream()
                .map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n"))
            + "\n";
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
  }
}
