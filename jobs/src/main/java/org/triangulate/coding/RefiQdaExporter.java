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
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.triangulate.ingest.QdpxReader;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Writes a study's coding as a REFI-QDA project ({@code .qdpx}): the codebook (themes as codes that
 * are not codable, their categories beneath them, then categories only an import knows), every
 * source as an internal plain-text file of its exported (de-identified) text, and one {@code
 * PlainTextSelection} per coded segment and category, with positions in Unicode code points of that
 * text and the codings' provenance in its {@code Description}; each provenance is a user, so a QDA
 * tool can tell the pipeline's codings from imported ones. GUIDs derive from the study and the
 * coded items, so the same night gives the same file. Every project is checked against the
 * published schema ({@link RefiQdaSchema}) before it is returned. Stateless and thread-safe.
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
  private static final String[] COLOURS = {
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
    "#BCBD22", "#17BECF"
  };
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
    codings.stream().map(c -> userOf(c.provenance())).sorted().forEach(u -> users.put(u, ""));
    users.replaceAll((name, none) -> guid(study, "user/" + name));
    List<byte[]> texts = new ArrayList<>();
    List<String> textNames = new ArrayList<>();
    int[] counts = new int[2];
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try {
      XMLStreamWriter out =
          XMLOutputFactory.newInstance().createXMLStreamWriter(xml, StandardCharsets.UTF_8.name());
      out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      newline(out, 0);
      out.setDefaultNamespace(QdpxReader.NAMESPACE);
      out.writeStartElement(QdpxReader.NAMESPACE, "Project");
      out.writeDefaultNamespace(QdpxReader.NAMESPACE);
      out.writeAttribute("name", study.title() == null ? study.name() : study.title());
      out.writeAttribute("origin", ORIGIN);
      if (!users.isEmpty()) {
        newline(out, 1);
        out.writeStartElement("Users");
        for (var user : users.entrySet()) {
          newline(out, 2);
          out.writeEmptyElement("User");
          out.writeAttribute("guid", user.getValue());
          out.writeAttribute("name", user.getKey());
        }
        newline(out, 1);
        out.writeEndElement();
      }
      Map<String, String> codeOfCategory = writeCodebook(out, study, importedCategories);
      if (!sources.isEmpty()) {
        newline(out, 1);
        out.writeStartElement("Sources");
        for (ExportSource source : sources) {
          String sourceGuid = guid(study, "source/" + source.source().sourceId());
          ExportedText text = sourceText.of(source.source(), source.segments());
          texts.add(text.text().getBytes(StandardCharsets.UTF_8));
          textNames.add(sourceGuid + ".txt");
          writeSource(
              out,
              study,
              source,
              sourceGuid,
              text,
              codingsOfSegment,
              codeOfCategory,
              users,
              counts);
        }
        newline(out, 1);
        out.writeEndElement();
      }
      newline(out, 0);
      out.writeEndElement();
      out.writeEndDocument();
      out.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the REFI-QDA project: " + e.getMessage(), e);
    }
    // A project a QDA tool would refuse is our bug: better no file than a broken one.
    RefiQdaSchema.check(xml.toByteArray());
    return new Export(
        zip(xml.toByteArray(), textNames, texts), sources.size(), counts[0], counts[1]);
  }

  private static Map<String, String> writeCodebook(
      XMLStreamWriter out, Study study, List<ImportedCategory> importedCategories)
      throws XMLStreamException {
    Map<String, String> codeOfCategory = new LinkedHashMap<>();
    Map<String, List<ImportedCategory>> importedByTheme = new LinkedHashMap<>();
    importedCategories.forEach(
        c -> importedByTheme.computeIfAbsent(c.theme(), t -> new ArrayList<>()).add(c));
    List<Codebook.Theme> themes = study.codebook().themes();
    if (themes.isEmpty() && importedCategories.isEmpty()) {
      return codeOfCategory;
    }
    newline(out, 1);
    out.writeStartElement("CodeBook");
    newline(out, 2);
    out.writeStartElement("Codes");
    int colour = 0;
    for (Codebook.Theme theme : themes) {
      startCode(
          out,
          3,
          guid(study, "theme/" + theme.id()),
          label(theme.label(), theme.id()),
          false,
          null);
      for (Codebook.Category category : theme.categories()) {
        String guid = guid(study, "category/" + category.id());
        codeOfCategory.put(category.id(), guid);
        startCode(
            out,
            4,
            guid,
            label(category.label(), category.id()),
            true,
            COLOURS[colour++ % COLOURS.length]);
        description(out, 5, category.description());
        newline(out, 4);
        out.writeEndElement();
      }
      for (ImportedCategory category : importedByTheme.getOrDefault(theme.id(), List.of())) {
        colour = importedCode(out, study, category, codeOfCategory, colour);
      }
      importedByTheme.remove(theme.id());
      newline(out, 3);
      out.writeEndElement();
    }
    for (var theme : importedByTheme.entrySet()) {
      startCode(out, 3, guid(study, "theme/" + theme.getKey()), theme.getKey(), false, null);
      for (ImportedCategory category : theme.getValue()) {
        colour = importedCode(out, study, category, codeOfCategory, colour);
      }
      newline(out, 3);
      out.writeEndElement();
    }
    newline(out, 2);
    out.writeEndElement();
    newline(out, 1);
    out.writeEndElement();
    return codeOfCategory;
  }

  /** An imported category is named by its id, which re-importing the file gives back. */
  private static int importedCode(
      XMLStreamWriter out,
      Study study,
      ImportedCategory category,
      Map<String, String> codeOfCategory,
      int colour)
      throws XMLStreamException {
    String guid = guid(study, "category/" + category.category());
    codeOfCategory.put(category.category(), guid);
    startCode(out, 4, guid, category.category(), true, COLOURS[colour % COLOURS.length]);
    description(out, 5, category.description());
    newline(out, 4);
    out.writeEndElement();
    return colour + 1;
  }

  private static void startCode(
      XMLStreamWriter out, int depth, String guid, String name, boolean codable, String colour)
      throws XMLStreamException {
    newline(out, depth);
    out.writeStartElement("Code");
    out.writeAttribute("guid", guid);
    out.writeAttribute("name", name);
    out.writeAttribute("isCodable", Boolean.toString(codable));
    if (colour != null) {
      out.writeAttribute("color", colour);
    }
  }

  private static void writeSource(
      XMLStreamWriter out,
      Study study,
      ExportSource exportSource,
      String sourceGuid,
      ExportedText text,
      Map<String, List<SegmentCoding>> codingsOfSegment,
      Map<String, String> codeOfCategory,
      Map<String, String> users,
      int[] counts)
      throws XMLStreamException {
    SourceDocument source = exportSource.source();
    newline(out, 2);
    out.writeStartElement("TextSource");
    out.writeAttribute("guid", sourceGuid);
    out.writeAttribute("name", source.participantId());
    out.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
    description(
        out,
        3,
        // File names may hold what de-identification removes from the text: they stay out.
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
      long startPosition = exported.codePointCount(0, start);
      long endPosition = exported.codePointCount(0, end);
      for (var category : byCategory.entrySet()) {
        String key = segment.segmentId() + "/" + category.getKey();
        List<SegmentCoding> coded = category.getValue();
        String user = users.get(userOf(coded.getFirst().provenance()));
        newline(out, 3);
        out.writeStartElement("PlainTextSelection");
        out.writeAttribute("guid", guid(study, "selection/" + key));
        out.writeAttribute("name", name(exported.substring(start, end)));
        out.writeAttribute("startPosition", Long.toString(startPosition));
        out.writeAttribute("endPosition", Long.toString(endPosition));
        out.writeAttribute("creatingUser", user);
        description(out, 4, provenance(coded));
        newline(out, 4);
        out.writeStartElement("Coding");
        out.writeAttribute("guid", guid(study, "coding/" + key));
        out.writeAttribute("creatingUser", user);
        out.writeEmptyElement("CodeRef");
        out.writeAttribute("targetGUID", codeOfCategory.get(category.getKey()));
        out.writeEndElement();
        newline(out, 3);
        out.writeEndElement();
        counts[0]++;
        counts[1] += coded.size();
      }
    }
    newline(out, 2);
    out.writeEndElement();
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

  private static void description(XMLStreamWriter out, int depth, String text)
      throws XMLStreamException {
    if (text == null || text.isBlank()) {
      return;
    }
    newline(out, depth);
    out.writeStartElement("Description");
    out.writeCharacters(xmlSafe(text));
    out.writeEndElement();
  }

  /** A selection is named by its text, as QDA tools do, shortened. */
  private static String name(String selected) {
    String flat = xmlSafe(selected).replaceAll("\\s+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= NAME_CHARS) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, NAME_CHARS - 3)) + "...";
  }

  /** Characters XML 1.0 cannot hold become spaces (they cannot be in an attribute or element). */
  private static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints()
        .forEach(cp -> {
          boolean allowed =
              cp == 0x9
                  || cp == 0xA
                  || cp == 0xD
                  || (cp >= 0x20 && cp <= 0xD7FF)
                  || (cp >= 0xE000 && cp <= 0xFFFD)
                  || cp >= 0x10000;
          safe.appendCodePoint(allowed ? cp : ' ');
        });
    return safe.toString();
  }

  private static String label(String label, String id) {
    return label == null || label.isBlank() ? id : label;
  }

  private static void newline(XMLStreamWriter out, int depth) throws XMLStreamException {
    out.writeCharacters("\n" + "  ".repeat(depth));
  }

  static String guid(Study study, String key) {
    return UUID.nameUUIDFromBytes((study.name() + "/" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** project.qde first, then sources/<guid>.txt, stored with one fixed time. */
  private static byte[] zip(byte[] projectXml, List<String> names, List<byte[]> texts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "project.qde", projectXml);
      for (int i = 0; i < names.size(); i++) {
        entry(zip, "sources/" + names.get(i), texts.get(i));
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
