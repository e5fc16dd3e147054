package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.triangulate.study.Study;

/**
 * Writes the input folder's README.md from the template {@code resources/demo/README.md}, with the
 * numbers of this generation filled in. Stateless.
 */
final class DemoReadmeWriter {

  private DemoReadmeWriter() {}

  static void write(
      Path file,
      DemoGenerator.Summary summary,
      DemoDesign design,
      Study study,
      List<DemoParticipant> participants,
      TranscriptSetWriter.Written transcripts,
      List<QdpxWriter.Source> coded,
      LocalIdentifiers second) {
    Map<String, String> values = new LinkedHashMap<>();
    // Empty without a second language, so the demo's README keeps its bytes.
    values.put(
        "second_language_options",
        second == null
            ? ""
            : " --second-language "
                + second.language()
                + " --second-language-transcripts "
                + transcripts.secondLanguage().size());
    values.put(
        "second_language",
        second == null
            ? ""
            : second
                .readme()
                .replace("{count}", String.valueOf(transcripts.secondLanguage().size()))
                .replace(
                    "{files}",
                    names(
                        transcripts.secondLanguage().stream()
                            .map(f -> f.substring(f.indexOf('/') + 1))
                            .toList())));
    values.put("seed", String.valueOf(summary.seed()));
    values.put("scale", DemoGenerator.scaleText(summary.scale()));
    values.put("study", study.name());
    values.put("cases", String.valueOf(summary.cases()));
    values.put("participants", String.valueOf(summary.participants()));
    values.put("items", String.valueOf(study.items().size()));
    values.put("domains", String.valueOf(study.domains().size()));
    values.put("response_rows", String.valueOf(summary.responseRows()));
    values.put("transcripts", String.valueOf(summary.transcripts()));
    values.put("words", String.format(java.util.Locale.ROOT, "%,d", summary.words()));
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (PlantedTruthWriter.TranscriptTruth t : transcripts.transcripts()) {
      min = Math.min(min, t.transcript().words());
      max = Math.max(max, t.transcript().words());
    }
    values.put("words_min", String.format(java.util.Locale.ROOT, "%,d", min));
    values.put("words_max", String.format(java.util.Locale.ROOT, "%,d", max));
    values.put("docx", String.valueOf(transcripts.docx().size()));
    values.put("docx_files", names(transcripts.docx()));
    values.put("bom_files", names(transcripts.bom()));
    values.put("nfd_files", names(transcripts.nfd()));
    values.put("qdpx_count", String.valueOf(coded.size()));
    values.put("qdpx_files", names(coded.stream().map(QdpxWriter.Source::fileName).toList()));
    values.put("cases_table", casesTable(design, study, participants));
    values.put("groups", groups(design, study, participants));
    values.put("patterns", patterns(design));
    String text = new String(DemoResources.bytes("README.md"), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String casesTable(
      DemoDesign design, Study study, List<DemoParticipant> participants) {
    StringBuilder table = new StringBuilder();
    for (DemoDesign.CaseDesign c : design.cases()) {
      table.append("| ").append(c.id()).append(" | ").append(c.name());
      for (Study.Attribute attribute : study.caseAttributes()) {
        table.append(" | ").append(attribute.values().get(c.attributes().get(attribute.id())));
      }
      long n = participants.stream().filter(p -> p.caseDesign().equals(c)).count();
      table.append(" | ").append(n).append(" |\n");
    }
    return table.toString().stripTrailing();
  }

  private static String groups(DemoDesign design, Study study, List<DemoParticipant> participants) {
    return design.stakeholderGroups().stream()
        .map(g ->
            study
                    .groupLabel(design.stakeholderGroupAttribute(), g)
                    .toLowerCase(java.util.Locale.ROOT)
                + " "
                + participants.stream().filter(p -> p.group().equals(g)).count())
        .collect(Collectors.joining(", "));
  }

  private static String patterns(DemoDesign design) {
    return design.patterns().stream()
        .map(p ->
            "- **"
                + p.id()
                + "** ("
                + p.type()
                + (p.grouping() == null ? "" : " " + p.grouping())
                + "): "
                + p.description()
                + " Items: "
                + p.items().stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "))
                + ".")
        .collect(Collectors.joining("\n"));
  }

  private static String names(List<String> files) {
    return files.isEmpty()
        ? "none"
        : files.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
  }
}
