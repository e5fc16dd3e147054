package org.triangulate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed demo inputs read back by the tests' own plain means (Commons CSV, POI, the
 * canonical-text rules of the design), never by the generator: answers joined to their
 * participants' attributes, transcripts' canonical texts, planted.yml as plain maps.
 */
final class DemoInputs {

  static final Path DEMO = DemoGeneratorTest.home().resolve("data-in/demo");

  /** One valid answer with the attributes of its participant and case ("case" is the case id). */
  record Answer(String itemId, String happening, Integer importance, Map<String, String> who) {}

  private DemoInputs() {}

  static Study study() {
    return new StudyLoader().load(DemoGeneratorTest.home().resolve("config"), "demo");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> planted() {
    return planted(DEMO);
  }

  /** planted.yml of a generation in {@code folder}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> planted(Path folder) {
    try (InputStream in = Files.newInputStream(folder.resolve("planted.yml"))) {
      return new YAMLMapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CSVRecord> csv(String file) {
    return csv(DEMO, file);
  }

  static List<CSVRecord> csv(Path folder, String file) {
    try {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(Files.newBufferedReader(folder.resolve(file), StandardCharsets.UTF_8))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The valid answers: rows naming a study item with an importance on the scale or blank, their
   * spelling turned into the answer code through study.yml's accepted spellings.
   */
  static List<Answer> answers(Study study) {
    return answers(study, DEMO);
  }

  /** The valid answers of a generation in {@code folder}. */
  static List<Answer> answers(Study study, Path folder) {
    Map<String, String> code = new HashMap<>();
    study
        .happening()
        .forEach((c, spellings) -> {
          code.put(c, c);
          spellings.forEach(s -> code.put(s.toLowerCase(Locale.ROOT).replace('\u2019', '\''), c));
        });
    Map<String, Map<String, String>> cases = new HashMap<>();
    for (CSVRecord c : csv(folder, "cases.csv")) {
      Map<String, String> attributes = new LinkedHashMap<>(c.toMap());
      attributes.put("case", c.get("case_id"));
      cases.put(c.get("case_id"), attributes);
    }
    Map<String, Map<String, String>> who = new HashMap<>();
    for (CSVRecord p : csv(folder, "participants.csv")) {
      Map<String, String> attributes = new LinkedHashMap<>(cases.get(p.get("case_id")));
      attributes.putAll(p.toMap());
      who.put(p.get("participant_id"), attributes);
    }
    List<Answer> answers = new ArrayList<>();
    for (CSVRecord r : csv(folder, "responses.csv")) {
      String importance = r.get("importance");
      boolean knownItem = study.item(r.get("item_id")).isPresent();
      boolean onScale =
          importance.isEmpty()
              || (Integer.parseInt(importance) >= study.importance().min()
                  && Integer.parseInt(importance) <= study.importance().max());
      if (knownItem && onScale) {
        answers.add(
            new Answer(
                r.get("item_id"),
                code.get(
                    r.get("happening").strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'')),
                importance.isEmpty() ? null : Integer.valueOf(importance),
                who.get(r.get("participant_id"))));
      }
    }
    return answers;
  }

  /** A transcript's canonical text: BOM dropped, CRLF as LF, NFC; a .docx's paragraphs by LF. */
  static String canonicalText(String file) {
    return canonicalText(DEMO, file);
  }

  /** A transcript's canonical text in a generation in {@code folder}. */
  static String canonicalText(Path folder, String file) {
    Path path = folder.resolve(file);
    try {
      if (file.endsWith(".docx")) {
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(path))) {
          return document.getParagraphs().stream()
                  .map(XWPFParagraph::getText)
                  .collect(Collectors.joining("\n"))
              + "\n";
        }
      }
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Code points {@code start} (inclusive) to {@code end} (exclusive) of the text. */
  static String codePoints(String text, int start, int end) {
    return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
  }
}
