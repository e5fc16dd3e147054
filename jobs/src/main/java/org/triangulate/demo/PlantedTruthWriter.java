package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code planted.yml}: what the generator put into the data on purpose, for tests to hold
 * the pipeline to. The planted patterns with their checkable claims, every identifying detail in
 * the transcripts and every participant passage about an item, with offsets in Unicode code points
 * of the transcript's canonical text. Stateless.
 */
final class PlantedTruthWriter {

  /** A transcript file as written, with the answers its participant gave. */
  record TranscriptTruth(String file, RenderedTranscript transcript, Map<String, String> answers) {}

  private PlantedTruthWriter() {}

  static void write(
      Path file,
      DemoGenerator.Summary summary,
      DemoDesign design,
      List<TranscriptTruth> transcripts) {
    write(file, summary, design, transcripts, null, List.of());
  }

  /**
   * @param secondLanguage null, or the language the {@code secondLanguageFiles} are written in
   */
  static void write(
      Path file,
      DemoGenerator.Summary summary,
      DemoDesign design,
      List<TranscriptTruth> transcripts,
      String secondLanguage,
      List<String> secondLanguageFiles) {
    StringBuilder yaml = new StringBuilder();
    yaml.append(
        """
        # Planted truth of the demo study, written by ./triangulate generate-demo with the data beside it
        # (do not edit by hand: regenerate). Offsets (start inclusive, end exclusive) count Unicode code
        # points of a transcript's canonical text: UTF-8 without byte-order mark, NFC, LF line endings;
        # for a .docx, its paragraphs' texts joined by LF. "in-label: true" marks a name used as a
        # speaker label rather than said; "held-out: true" a place or organisation that study.yml's
        # deidentify lists do not hold.
        """);
    Map<String, Object> generator = new LinkedHashMap<>();
    generator.put("seed", summary.seed());
    generator.put("scale", DemoGenerator.scaleNumber(summary.scale()));
    yaml.append("generator: ").append(YamlText.flow(generator)).append('\n');
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("cases", summary.cases());
    counts.put("participants", summary.participants());
    counts.put("response-rows", summary.responseRows());
    counts.put("transcripts", summary.transcripts());
    counts.put("docx-transcripts", summary.docxTranscripts());
    counts.put("words", summary.words());
    yaml.append("counts: ").append(YamlText.flow(counts)).append('\n');
    if (secondLanguage != null) {
      Map<String, Object> second = new LinkedHashMap<>();
      second.put("language", secondLanguage);
      second.put("transcripts", secondLanguageFiles);
      yaml.append("second-language: ").append(YamlText.flow(second)).append('\n');
    }
    yaml.append("patterns:\n");
    for (DemoDesign.PlantedPattern pattern : design.patterns()) {
      yaml.append("  - id: ").append(YamlText.flow(pattern.id())).append('\n');
      yaml.append("    type: ").append(YamlText.flow(pattern.type())).append('\n');
      if (pattern.grouping() != null) {
        yaml.append("    grouping: ").append(YamlText.flow(pattern.grouping())).append('\n');
      }
      yaml.append("    description: ").append(YamlText.flow(pattern.description())).append('\n');
      yaml.append("    items: ").append(YamlText.flow(pattern.items())).append('\n');
      yaml.append("    claims:\n");
      pattern.claims().forEach(c -> yaml.append("      - ").append(YamlText.flow(c)).append('\n'));
    }
    yaml.append("identifiers:\n");
    for (TranscriptTruth t : transcripts) {
      for (SpannedText.Span span : t.transcript().identifiers()) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("file", t.file());
        boolean label = span.kind().equals(TranscriptRenderer.LABEL_PERSON);
        id.put("kind", label ? "person" : span.kind());
        id.put("text", t.transcript().text().substring(span.start(), span.end()));
        id.put("start", t.transcript().codePoint(span.start()));
        id.put("end", t.transcript().codePoint(span.end()));
        if (label) {
          id.put("in-label", true);
        }
        if (span.heldOut()) {
          id.put("held-out", true);
        }
        yaml.append("  - ").append(YamlText.flow(id)).append('\n');
      }
    }
    yaml.append("passages:\n");
    for (TranscriptTruth t : transcripts) {
      for (SpannedText.Span span : t.transcript().passages()) {
        Map<String, Object> passage = new LinkedHashMap<>();
        passage.put("file", t.file());
        passage.put("item", span.kind());
        passage.put("answer", t.answers().get(span.kind()));
        passage.put("start", t.transcript().codePoint(span.start()));
        passage.put("end", t.transcript().codePoint(span.end()));
        yaml.append("  - ").append(YamlText.flow(passage)).append('\n');
      }
    }
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
