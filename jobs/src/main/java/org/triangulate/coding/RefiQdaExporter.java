package org.triangulate.coding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;
import org.triangulate.study.Study;

/**
 * Writes a study's coding as a REFI-QDA project ({@code .qdpx}): the codebook ({@link
 * RefiQdaCodebookXml}), every source as an internal plain-text file of its exported (de-identified)
 * text, and one {@code PlainTextSelection} per coded segment and category, with positions in
 * Unicode code points of that text and the codings' provenance in its {@code Description}; each
 * provenance is a user, so a QDA tool can tell the pipeline's codings from imported ones. GUIDs
 * derive from the study and the coded items, so the same night gives the same file. Every project
 * is checked against the published schema ({@link RefiQdaSchema}) before it is returned. Stateless
 * and thread-safe.
 */
public final class RefiQdaExporter {

  /** A category that only an imported REFI-QDA codebook knows, under its theme. */
  public record ImportedCategory(String category, String theme, String description) {}

  /** A coding of a segment as the store holds it. */
  public record SegmentCoding(
      String segmentId, String category, String provenance, String matchedTerms) {}

  /** A source with its segments (text order) and the participant's case. */
  public record ExportSource(SourceDocument source, String caseId, List<Segment> segments) {}

  /** What was written: the archive and how many sources, selections and codings it holds. */
  public record Export(byte[] qdpx, int sources, int selections, int codings) {}

  static final String ORIGIN = "Triangulate";
  static final String RULE_USER = "Triangulate auto-coding";
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);
  private static final int NAME_CHARS = 60;

  private final ExportedSourceText sourceText;

  public RefiQdaExporter(ExportedSourceText sourceText) {
    this.sourceText = sourceText;
  }

  public Export export(
      Study study,
      List<ImportedCategory> importedCategories,
      List<ExportSource> sources,
      List<SegmentCoding> codings) {
    Map<String, List<SegmentCoding>> codingsOfSegment = new LinkedHashMap<>();
    codings.forEach(
        c -> codingsOfSegment.computeIfAbsent(c.segmentId(), s -> new ArrayList<>()).add(c));
    Map<String, String> users = new LinkedHashMap<>();
    codings.stream()
        .map(c -> userOf(c.provenance()))
        .sorted()
        .forEach(u -> users.put(u, QdeXml.guid(study, "user/" + u)));
    QdeXml xml = new QdeXml(study.title() == null ? study.name() : study.title(), ORIGIN);
    if (!users.isEmpty()) {
      xml.start(1, "Users");
      users.forEach(
          (name, guid) -> xml.empty(2, "User").attribute("guid", guid).attribute("name", name));
      xml.end(1);
    }
    Map<String, String> codeOfCategory = RefiQdaCodebookXml.write(xml, study, importedCategories);
    Map<String, byte[]> texts = new LinkedHashMap<>();
    int[] counts = new int[2];
    if (!sources.isEmpty()) {
      xml.start(1, "Sources");
      for (ExportSource source : sources) {
        String sourceGuid = QdeXml.guid(study, "source/" + source.source().sourceId());
        ExportedText text = sourceText.of(source.source(), source.segments());
        texts.put(sourceGuid + ".txt", text.text().getBytes(StandardCharsets.UTF_8));
        writeSource(
            xml, study, source, sourceGuid, text, codingsOfSegment, codeOfCategory, users, counts);
      }
      xml.end(1);
    }
    byte[] project = xml.finish();
    // A project a QDA tool would refuse is our bug: better no file than a broken one.
    RefiQdaSchema.check(project);
    return new Export(zip(project, texts), sources.size(), counts[0], counts[1]);
  }

  private static void writeSource(
      QdeXml xml,
      Study study,
      ExportSource exportSource,
      String sourceGuid,
      ExportedText text,
      Map<String, List<SegmentCoding>> codingsOfSegment,
      Map<String, String> codeOfCategory,
      Map<String, String> users,
      int[] counts) {
    SourceDocument source = exportSource.source();
    xml.start(2, "TextSource")
        .attribute("guid", sourceGuid)
        .attribute("name", source.participantId())
        .attribute("plainTextPath", "internal://" + sourceGuid + ".txt")
        // File names may hold what de-identification removes from the text: they stay out.
        .description(
            3,
            "participant "
                + source.participantId()
                + (exportSource.caseId() == null ? "" : ", case " + exportSource.caseId()));
    String exported = text.text();
    for (Segment segment : exportSource.segments()) {
      Map<String, List<SegmentCoding>> byCategory = new LinkedHashMap<>();
      codingsOfSegment.getOrDefault(segment.segmentId(), List.of()).stream()
          .filter(c -> codeOfCategory.containsKey(c.category()))
          .forEach(c -> byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
      if (byCategory.isEmpty()) {
        continue;
      }
      int start = text.at(segment.start());
      int end = text.at(segment.end());
      String startPosition = Long.toString(exported.codePointCount(0, start));
      String endPosition = Long.toString(exported.codePointCount(0, end));
      for (var category : byCategory.entrySet()) {
        String key = segment.segmentId() + "/" + category.getKey();
        List<SegmentCoding> coded = category.getValue();
        String user = users.get(userOf(coded.getFirst().provenance()));
        xml.start(3, "PlainTextSelection")
            .attribute("guid", QdeXml.guid(study, "selection/" + key))
            .attribute("name", name(exported.substring(start, end)))
            .attribute("startPosition", startPosition)
            .attribute("endPosition", endPosition)
            .attribute("creatingUser", user)
            .description(4, provenance(coded))
            .start(4, "Coding")
            .attribute("guid", QdeXml.guid(study, "coding/" + key))
            .attribute("creatingUser", user)
            .inline("CodeRef")
            .attribute("targetGUID", codeOfCategory.get(category.getKey()))
            .end(-1)
            .end(3);
        counts[0]++;
        counts[1] += coded.size();
      }
    }
    xml.end(2);
  }

  /** Each coding's provenance, a rule's with the terms that matched. */
  static String provenance(List<SegmentCoding> codings) {
    List<String> parts = new ArrayList<>();
    for (SegmentCoding c : codings) {
      boolean terms = c.matchedTerms() != null && !c.matchedTerms().isBlank();
      parts.add(c.provenance() + (terms ? " (matched: " + c.matchedTerms() + ")" : ""));
    }
    return String.join("; ", parts);
  }

  /** Rule codings are the pipeline's user; imported ones keep their tool as the user. */
  private static String userOf(String provenance) {
    return provenance.startsWith(LemmaRuleCoder.PROVENANCE_PREFIX) ? RULE_USER : provenance;
  }

  /** A selection is named by its text, as QDA tools do, shortened. */
  private static String name(String selected) {
    String flat = QdeXml.xmlSafe(selected).replaceAll("\\s+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= NAME_CHARS) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, NAME_CHARS - 3)) + "...";
  }

  /** project.qde first, then sources/<guid>.txt, each with one fixed time. */
  private static byte[] zip(byte[] projectXml, Map<String, byte[]> texts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "project.qde", projectXml);
      for (var text : texts.entrySet()) {
        entry(zip, "sources/" + text.getKey(), text.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
