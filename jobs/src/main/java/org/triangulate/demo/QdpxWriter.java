package org.triangulate.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.triangulate.study.Codebook;

/**
 * Writes {@code coding/demo.qdpx}, a REFI-QDA project as a researcher would export it from a QDA
 * tool: the codebook (themes as parent codes that are not codable, categories beneath them, plus
 * one code of the researcher's own that the codebook lacks), the coded transcripts as internal
 * plain-text sources, and hand-style codings of some participant passages, with positions counted
 * in Unicode code points of the source's plain text. GUIDs are name-based, so the file is
 * reproducible. Not thread-safe.
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
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"")
        .append(escape(projectName))
        .append("\" origin=\"Triangulate demo generator\" creatingUserGUID=\"")
        .append(guid("user/1"))
        .append("\" creationDateTime=\"")
        .append(CREATED)
        .append("\">\n  <Users>\n");
    for (int u = 1; u <= 2; u++) {
      xml.append("    <User guid=\"")
          .append(guid("user/" + u))
          .append("\" name=\"Coder ")
          .append(u)
          .append("\"/>\n");
    }
    xml.append("  </Users>\n  <CodeBook>\n    <Codes>\n");
    int colour = 0;
    for (Codebook.Theme theme : codebook.themes()) {
      xml.append("      <Code guid=\"")
          .append(guid("code/" + theme.id()))
          .append("\" name=\"")
          .append(escape(theme.label()))
          .append("\" isCodable=\"false\">\n");
      for (Codebook.Category category : theme.categories()) {
        xml.append("        <Code guid=\"")
            .append(guid("code/" + category.id()))
            .append("\" name=\"")
            .append(escape(category.label()))
            .append("\" isCodable=\"true\" color=\"")
            .append(COLOURS[colour++ % COLOURS.length])
            .append("\">\n          <Description>")
            .append(escape(category.description()))
            .append("</Description>\n        </Code>\n");
      }
      xml.append("      </Code>\n");
    }
    xml.append("      <Code guid=\"")
        .append(guid("code/own"))
        .append("\" name=\"")
        .append(escape(ownCode.name()))
        .append("\" isCodable=\"true\" color=\"#17BECF\">\n")
        .append("        <Description>")
        .append(escape(ownCode.description()))
        .append("</Description>\n")
        .append("      </Code>\n    </Codes>\n  </CodeBook>\n  <Sources>\n");
    for (int s = 0; s < sources.size(); s++) {
      Source source = sources.get(s);
      String sourceGuid = guid("source/" + source.fileName());
      String user = guid("user/" + (1 + s % 2));
      entries.add(
          new DeterministicZip.Entry(
              "sources/" + sourceGuid + ".txt",
              source.transcript().text().getBytes(StandardCharsets.UTF_8)));
      xml.append("    <TextSource guid=\"")
          .append(sourceGuid)
          .append("\" name=\"")
          .append(escape(source.fileName()))
          .append("\" plainTextPath=\"internal://")
          .append(sourceGuid)
          .append(".txt\" creatingUser=\"")
          .append(user)
          .append("\" creationDateTime=\"")
          .append(CREATED)
          .append("\">\n");
      selections(xml, source, user, random);
      xml.append("    </TextSource>\n");
    }
    xml.append("  </Sources>\n</Project>\n");
    entries.add(
        0,
        new DeterministicZip.Entry("project.qde", xml.toString().getBytes(StandardCharsets.UTF_8)));
    return DeterministicZip.write(entries);
  }

  /** Most item passages coded to the item's category, some trimmed to their first sentence. */
  private void selections(StringBuilder xml, Source source, String user, RandomGenerator random) {
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
      xml.append("      <PlainTextSelection guid=\"")
          .append(guid("selection/" + key))
          .append("\" startPosition=\"")
          .append(transcript.codePoint(passage.start()))
          .append("\" endPosition=\"")
          .append(transcript.codePoint(end))
          .append("\" creatingUser=\"")
          .append(user)
          .append("\" creationDateTime=\"")
          .append(CREATED)
          .append("\">\n");
      for (String code : codes) {
        xml.append("        <Coding guid=\"")
            .append(guid("coding/" + key + "/" + code))
            .append("\" creatingUser=\"")
            .append(user)
            .append("\">\n          <CodeRef targetGUID=\"")
            .append(code)
            .append("\"/>\n        </Coding>\n");
      }
      xml.append("      </PlainTextSelection>\n");
    }
  }

  private String guid(String name) {
    return UUID.nameUUIDFromBytes(("demo/" + seed + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
