package org.triangulate.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.triangulate.coding.QdeXml;
import org.triangulate.study.Codebook;

/**
 * Writes {@code coding/demo.qdpx}, a REFI-QDA project as a researcher would export it from a QDA
 * tool: the codebook (themes as parent codes that are not codable, categories beneath them, plus
 * one code of the researcher's own that the codebook lacks), the coded transcripts as internal
 * plain-text sources, and hand-style codings of some participant passages, with positions counted
 * in Unicode code points of the source's plain text. GUIDs are name-based, so the file is
 * reproducible; the project XML is written with {@link QdeXml}, as the pipeline's export is. Not
 * thread-safe.
 */
final class QdpxWriter {

  /** A transcript to include: its file name, canonical text and item passages. */
  record Source(String fileName, RenderedTranscript transcript) {}

  private static final String[] COLOURS = {
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F"
  };
  private static final String CREATED = "2025-11-03T14:20:00Z";

  private final Codebook codebook;
  private final DemoDesign.OwnCode ownCode;
  private final long seed;

  QdpxWriter(Codebook codebook, DemoDesign.OwnCode ownCode, long seed) {
    this.codebook = codebook;
    this.ownCode = ownCode;
    this.seed = seed;
  }

  byte[] write(String projectName, List<Source> sources, RandomGenerator random) {
    List<DeterministicZip.Entry> entries = new ArrayList<>();
    ByteArrayOutputStream project = new ByteArrayOutputStream();
    QdeXml xml = new QdeXml(project, projectName, "Triangulate demo generator");
    xml.attribute("creatingUserGUID", guid("user/1")).attribute("creationDateTime", CREATED);
    xml.start(1, "Users");
    for (int u = 1; u <= 2; u++) {
      xml.empty(2, "User").attribute("guid", guid("user/" + u)).attribute("name", "Coder " + u);
    }
    xml.end(1).start(1, "CodeBook").start(2, "Codes");
    int colour = 0;
    for (Codebook.Theme theme : codebook.themes()) {
      xml.start(3, "Code")
          .attribute("guid", guid("code/" + theme.id()))
          .attribute("name", theme.label())
          .attribute("isCodable", "false");
      for (Codebook.Category category : theme.categories()) {
        xml.start(4, "Code")
            .attribute("guid", guid("code/" + category.id()))
            .attribute("name", category.label())
            .attribute("isCodable", "true")
            .attribute("color", COLOURS[colour++ % COLOURS.length])
            .description(5, category.description())
            .end(4);
      }
      xml.end(3);
    }
    xml.start(3, "Code")
        .attribute("guid", guid("code/own"))
        .attribute("name", ownCode.name())
        .attribute("isCodable", "true")
        .attribute("color", "#17BECF")
        .description(4, ownCode.description())
        .end(3)
        .end(2)
        .end(1)
        .start(1, "Sources");
    for (int s = 0; s < sources.size(); s++) {
      Source source = sources.get(s);
      String sourceGuid = guid("source/" + source.fileName());
      String user = guid("user/" + (1 + s % 2));
      entries.add(
          new DeterministicZip.Entry(
              "sources/" + sourceGuid + ".txt",
              source.transcript().text().getBytes(StandardCharsets.UTF_8)));
      xml.start(2, "TextSource")
          .attribute("guid", sourceGuid)
          .attribute("name", source.fileName())
          .attribute("plainTextPath", "internal://" + sourceGuid + ".txt")
          .attribute("creatingUser", user)
          .attribute("creationDateTime", CREATED);
      selections(xml, source, user, random);
      xml.end(2);
    }
    xml.end(1).finish();
    entries.add(0, new DeterministicZip.Entry("project.qde", project.toByteArray()));
    return DeterministicZip.write(entries);
  }

  /** Most item passages coded to the item's category, some trimmed to their first sentence. */
  private void selections(QdeXml xml, Source source, String user, RandomGenerator random) {
    RenderedTranscript transcript = source.transcript();
    for (SpannedText.Span passage : transcript.passages()) {
      List<Codebook.Category> categories = codebook.categoriesForItem(passage.kind());
      if (categories.isEmpty() || !Draw.chance(random, 0.7)) {
        continue;
      }
      int end = passage.end();
      int sentenceEnd = transcript.text().indexOf(". ", passage.start());
      if (sentenceEnd > 0 && sentenceEnd < end && Draw.chance(random, 0.25)) {
        end = sentenceEnd + 1;
      }
      List<String> codes = new ArrayList<>(List.of(guid("code/" + categories.get(0).id())));
      if (Draw.chance(random, 0.08)) {
        codes.add(guid("code/own"));
      }
      String key = source.fileName() + "/" + passage.start();
      xml.start(3, "PlainTextSelection")
          .attribute("guid", guid("selection/" + key))
          .attribute("startPosition", String.valueOf(transcript.codePoint(passage.start())))
          .attribute("endPosition", String.valueOf(transcript.codePoint(end)))
          .attribute("creatingUser", user)
          .attribute("creationDateTime", CREATED);
      for (String code : codes) {
        xml.start(4, "Coding")
            .attribute("guid", guid("coding/" + key + "/" + code))
            .attribute("creatingUser", user)
            .empty(5, "CodeRef")
            .attribute("targetGUID", code)
            .end(4);
      }
      xml.end(3);
    }
  }

  private String guid(String name) {
    return UUID.nameUUIDFromBytes(("demo/" + seed + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
