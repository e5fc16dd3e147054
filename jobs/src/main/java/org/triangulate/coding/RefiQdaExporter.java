package org.triangulate.coding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;
import org.triangulate.output.OutputFiles;
import org.triangulate.study.Study;

/**
 * Writes a study's coding as a REFI-QDA project ({@code .qdpx}): the codebook ({@link
 * RefiQdaCodebookXml}), every source as an internal plain-text file of its exported (de-identified)
 * text, and one {@code PlainTextSelection} per coded segment and category, with positions in
 * Unicode code points of that text and the codings' provenance in its {@code Description}; each
 * provenance is a user, so a QDA tool can tell the pipeline's codings from imported ones. GUIDs
 * derive from the study and the coded items, so the same night gives the same file. Sources are
 * taken one at a time and written out as they come (see {@link StagedQdpx}), so memory does not
 * grow with the study. Every project is checked against the published schema ({@link
 * RefiQdaSchema}) before the file replaces the earlier one. Stateless and thread-safe.
 */
public final class RefiQdaExporter {

  /** A category that only an imported REFI-QDA codebook knows, under its theme. */
  public record ImportedCategory(String category, String theme, String description) {}

  /** A coding of a segment as the store holds it. */
  public record SegmentCoding(
      String segmentId, String category, String provenance, String matchedTerms) {}

  /**
   * A source with its segments (text order), the participant's case and the codings of its segments
   * (by segment, category and provenance).
   */
  public record ExportSource(
      SourceDocument source, String caseId, List<Segment> segments, List<SegmentCoding> codings)
      implements StudySource {

    @Override
    public String sourceId() {
      return source.sourceId();
    }

    @Override
    public ExportSource read() {
      return this;
    }
  }

  /** A source of the study, read from the store only if its part must be written anew. */
  public interface StudySource {
    String sourceId();

    ExportSource read();
  }

  /** What was written: how many sources, selections and codings the archive holds. */
  public record Export(int sources, int selections, int codings) {}

  /**
   * A source's part of the export: its {@code TextSource} element and its exported text, and how
   * many selections and codings the element holds. The same inputs give the same part.
   */
  public record SourcePart(String fragment, String text, int selections, int codings) {}

  /**
   * Where the export finds a source's part written before, and keeps parts it writes anew: the
   * parts of unchanged sources need not be de-identified again.
   */
  public interface SourceParts {
    java.util.Optional<SourcePart> find(String sourceId);

    void keep(String sourceId, SourcePart part);

    SourceParts NONE =
        new SourceParts() {
          @Override
          public java.util.Optional<SourcePart> find(String sourceId) {
            return java.util.Optional.empty();
          }

          @Override
          public void keep(String sourceId, SourcePart part) {}
        };
  }

  static final String ORIGIN = "Triangulate";
  static final String RULE_USER = "Triangulate auto-coding";
  static final String ALIGNMENT_USER = "Triangulate item alignment";
  private static final int NAME_CHARS = 60;

  private final ExportedSourceText sourceText;

  public RefiQdaExporter(ExportedSourceText sourceText) {
    this.sourceText = sourceText;
  }

  /**
   * Writes the project to {@code target} (through a temporary file beside it, moved into place).
   *
   * @param provenances every provenance the study's codings have: each becomes a user
   * @param sources read once, in the order the project lists them
   */
  public Export export(
      Study study,
      List<ImportedCategory> importedCategories,
      Collection<String> provenances,
      Iterable<? extends StudySource> sources,
      Path target) {
    return export(study, importedCategories, provenances, sources, SourceParts.NONE, target);
  }

  /**
   * As {@link #export(Study, List, Collection, Iterable, Path)}, taking the parts of sources that
   * {@code parts} holds from there (such sources' segments and codings are not read).
   */
  public Export export(
      Study study,
      List<ImportedCategory> importedCategories,
      Collection<String> provenances,
      Iterable<? extends StudySource> sources,
      SourceParts parts,
      Path target) {
    int[] counts = new int[3];
    OutputFiles.writeReadableBytes(
        target,
        out -> {
          try (StagedQdpx staged = new StagedQdpx(target.toAbsolutePath().getParent())) {
            writeProject(staged, study, importedCategories, provenances, sources, parts, counts);
            try (InputStream project = staged.readProject()) {
              // A project a QDA tool would refuse is our bug: better no file than a broken one.
              RefiQdaSchema.check(project);
            }
            staged.writeArchive(out);
          }
        });
    return new Export(counts[0], counts[1], counts[2]);
  }

  private void writeProject(
      StagedQdpx staged,
      Study study,
      List<ImportedCategory> importedCategories,
      Collection<String> provenances,
      Iterable<? extends StudySource> sources,
      SourceParts parts,
      int[] counts)
      throws IOException {
    Map<String, String> users = new LinkedHashMap<>();
    provenances.stream()
        .map(RefiQdaExporter::userOf)
        .sorted()
        .forEach(u -> users.put(u, QdeXml.guid(study, "user/" + u)));
    QdeXml xml =
        new QdeXml(staged.project(), study.title() == null ? study.name() : study.title(), ORIGIN);
    if (!users.isEmpty()) {
      xml.start(1, "Users");
      users.forEach(
          (name, guid) -> xml.empty(2, "User").attribute("guid", guid).attribute("name", name));
      xml.end(1);
    }
    Map<String, String> codeOfCategory = RefiQdaCodebookXml.write(xml, study, importedCategories);
    boolean any = false;
    for (StudySource source : sources) {
      if (!any) {
        xml.start(1, "Sources");
        any = true;
      }
      String sourceId = source.sourceId();
      String sourceGuid = QdeXml.guid(study, "source/" + sourceId);
      java.util.Optional<SourcePart> kept = parts.find(sourceId);
      SourcePart part;
      if (kept.isPresent()) {
        part = kept.get();
      } else {
        ExportSource read = source.read();
        ExportedText text = sourceText.of(read.source(), read.segments());
        java.io.ByteArrayOutputStream fragment = new java.io.ByteArrayOutputStream();
        QdeXml partXml = new QdeXml(fragment);
        int[] partCounts = new int[3];
        writeSource(partXml, study, read, sourceGuid, text, codeOfCategory, users, partCounts);
        partXml.flush();
        part =
            new SourcePart(
                fragment.toString(java.nio.charset.StandardCharsets.UTF_8),
                text.text(),
                partCounts[1],
                partCounts[2]);
        parts.keep(sourceId, part);
      }
      staged.addText("sources/" + sourceGuid + ".txt", part.text());
      xml.raw(part.fragment().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      counts[0]++;
      counts[1] += part.selections();
      counts[2] += part.codings();
    }
    if (any) {
      xml.end(1);
    }
    xml.finish();
  }

  private static void writeSource(
      QdeXml xml,
      Study study,
      ExportSource exportSource,
      String sourceGuid,
      ExportedText text,
      Map<String, String> codeOfCategory,
      Map<String, String> users,
      int[] counts) {
    Map<String, List<SegmentCoding>> codingsOfSegment = new LinkedHashMap<>();
    exportSource
        .codings()
        .forEach(
            c -> codingsOfSegment.computeIfAbsent(c.segmentId(), s -> new ArrayList<>()).add(c));
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
        counts[1]++;
        counts[2] += coded.size();
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
    if (provenance.contains("aligned:")) {
      return ALIGNMENT_USER;
    }
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
}
