package org.triangulate.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.ingest.QdaImport;
import org.triangulate.ingest.QdaImporter;
import org.triangulate.ingest.QdaProject;
import org.triangulate.ingest.QdpxReader;
import org.triangulate.ingest.StagedTranscript;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The REFI-QDA export of {@link ExportFixture}: valid against the published Project.xsd,
 * de-identified, provenance on every selection, and re-imported by the study's own importer into
 * the same codebook and the same codings.
 */
class RefiQdaExporterTest {

  private static final String NS = QdpxReader.NAMESPACE;

  @TempDir static Path folder;

  private static int exports;

  /** The archive as written and what the exporter says it holds. */
  private record Exported(byte[] qdpx, int sources, int selections, int codings) {}

  private static Exported export() throws IOException {
    Path file = folder.resolve("export-" + ++exports + ".qdpx");
    RefiQdaExporter.Export export = exportTo(file);
    return new Exported(
        Files.readAllBytes(file), export.sources(), export.selections(), export.codings());
  }

  private static RefiQdaExporter.Export exportTo(Path file) {
    return ExportFixture.exporter()
        .export(
            ExportFixture.study(),
            ExportFixture.importedCategories(),
            ExportFixture.provenances(),
            ExportFixture.sources(),
            file);
  }

  private static Map<String, byte[]> entries(byte[] qdpx) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(qdpx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Document document, String name) {
    NodeList nodes = document.getElementsByTagNameNS(NS, name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static String description(Element element) {
    for (var n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals("Description")) {
        return e.getTextContent();
      }
    }
    return null;
  }

  @Test
  void projectIsValidAgainstThePublishedRefiQdaSchema() throws Exception {
    // given
    Map<String, byte[]> entries = entries(export().qdpx());
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema =
        factory.newSchema(
            new StreamSource(
                getClass().getResourceAsStream("/refiqda/Project.xsd"), "Project.xsd"));

    // when validated (throws SAXParseException with line and column on any violation)
    schema
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(entries.get("project.qde"))));

    // then the archive holds the project and one text file per source
    assertThat(entries.keySet()).first().isEqualTo("project.qde");
    assertThat(entries.keySet().stream().filter(n -> n.startsWith("sources/"))).hasSize(2);
  }

  @Test
  void schemaCheckRejectsAProjectMissingWhatItRequiresNamingIt() throws Exception {
    // given: the export's project without a selection's required endPosition
    String broken =
        new String(entries(export().qdpx()).get("project.qde"), StandardCharsets.UTF_8)
            .replaceFirst(" endPosition=\"\\d+\"", "");

    // then
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RefiQdaSchema.check(broken.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid against Project.xsd")
        .hasMessageContaining("endPosition");
  }

  @Test
  void sourcesAreTheDeidentifiedTextAndNoIdentifierLeavesInTheArchive() throws Exception {
    // when
    Exported export = export();
    Map<String, byte[]> entries = entries(export.qdpx());

    // then
    List<String> texts =
        entries.entrySet().stream()
            .filter(e -> e.getKey().startsWith("sources/"))
            .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
            .toList();
    assertThat(texts)
        .containsExactlyInAnyOrder(ExportFixture.P01_EXPORTED, ExportFixture.P02_EXPORTED);
    for (byte[] content : entries.values()) {
      String text = new String(content, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("Mary").doesNotContain("Jones").doesNotContain("a@b.org");
    }
    assertThat(export.sources()).isEqualTo(2);
    assertThat(export.selections()).isEqualTo(4);
    assertThat(export.codings()).isEqualTo(5);
  }

  @Test
  void everySelectionCarriesItsCodingsProvenanceAndPositionsCountCharacters() throws Exception {
    // when
    Document project = parse(entries(export().qdpx()).get("project.qde"));

    // then
    Map<String, Element> byName = new LinkedHashMap<>();
    elements(project, "PlainTextSelection").forEach(s -> byName.put(s.getAttribute("name"), s));
    assertThat(byName.keySet())
        .containsExactly(
            "[PERSON-1] does, every week.",
            "We meet in the office.",
            "The pay is the same band as [PERSON-1].",
            "I 😀 love the peer group. Reach me at [EMAIL-1].");
    assertThat(byName.values())
        .extracting(RefiQdaExporterTest::description)
        .containsExactly(
            "imported:QualCoder 3.6; rule:supervision (matched: supervise)",
            "imported:QualCoder 3.6",
            "rule:pay_parity (matched: same, pay)",
            "rule:peer_network (matched: peer)");
    // "P02: " is five characters; the selection is 47 characters, the emoji counting once
    Element peer = byName.get("I 😀 love the peer group. Reach me at [EMAIL-1].");
    assertThat(peer.getAttribute("startPosition")).isEqualTo("5");
    assertThat(peer.getAttribute("endPosition")).isEqualTo("52");
    Map<String, String> users = new LinkedHashMap<>();
    elements(project, "User")
        .forEach(u -> users.put(u.getAttribute("guid"), u.getAttribute("name")));
    assertThat(users.values())
        .containsExactlyInAnyOrder("Triangulate auto-coding", "imported:QualCoder 3.6");
    assertThat(users.get(peer.getAttribute("creatingUser"))).isEqualTo("Triangulate auto-coding");
  }

  @Test
  void reimportingTheExportGivesTheSameCodebookAndTheSameCodings() throws Exception {
    // given
    byte[] qdpx = export().qdpx();

    // when read and imported by the study's own importer, with no transcripts to match
    QdaProject project = QdpxReader.read("export.qdpx", qdpx);
    QdaImport imported =
        new QdaImporter(ExportFixture.study(), Set.of("P01", "P02"), Map.of(), p -> Map.of())
            .importProject("coding/export.qdpx", project);

    // then nothing is quarantined
    assertThat(imported.quarantined()).isEmpty();
    // the codebook: the study's categories under their themes, and the imported one
    // (then the items, one code each under its domain, for item alignments)
    assertThat(
            imported.codes().stream()
                .filter(QdaImport.ImportedCode::codable)
                .filter(c -> !c.theme().startsWith("items_")))
        .extracting(
            QdaImport.ImportedCode::category,
            QdaImport.ImportedCode::theme,
            QdaImport.ImportedCode::description)
        .containsExactly(
            tuple("supervision", "support", "Access to <supervision>"),
            tuple("peer_network", "support", "Meeting other peer workers"),
            tuple("office_space", "support", "Where peer workers sit"),
            tuple("pay", "reward", "Pay bands"));
    assertThat(
            imported.codes().stream()
                .filter(QdaImport.ImportedCode::codable)
                .filter(c -> c.theme().startsWith("items_")))
        .extracting(QdaImport.ImportedCode::name)
        .isNotEmpty()
        .allMatch(name -> name.startsWith("item:"));
    assertThat(imported.codes().stream().filter(c -> !c.codable()))
        .extracting(QdaImport.ImportedCode::name)
        .startsWith("Support & development", "Reward")
        .allMatch(name -> !name.startsWith("Items: ") || name.length() > "Items: ".length());
    // the sources: the de-identified texts, each of its participant
    Map<String, String> participantOf = new LinkedHashMap<>();
    Map<String, String> textOf = new LinkedHashMap<>();
    for (StagedTranscript staged : imported.sources()) {
      participantOf.put(staged.source().sourceId(), staged.source().participantId());
      textOf.put(staged.source().participantId(), staged.source().text());
    }
    assertThat(textOf)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("P01", ExportFixture.P01_EXPORTED, "P02", ExportFixture.P02_EXPORTED));
    // the codings: same categories, participants and offsets (into the exported text)
    assertThat(imported.selections())
        .extracting(
            QdaImport.ImportedSelection::category,
            s -> participantOf.get(s.sourceId()),
            QdaImport.ImportedSelection::start,
            QdaImport.ImportedSelection::end)
        .containsExactlyInAnyOrder(
            at("supervision", "P01", ExportFixture.P01_EXPORTED, "[PERSON-1] does, every week."),
            at("office_space", "P01", ExportFixture.P01_EXPORTED, "We meet in the office."),
            at("pay", "P01", ExportFixture.P01_EXPORTED, "The pay is the same band as [PERSON-1]."),
            at(
                "peer_network",
                "P02",
                ExportFixture.P02_EXPORTED,
                "I 😀 love the peer group. Reach me at [EMAIL-1]."));
  }

  @Test
  void exportingTwiceGivesTheSameBytes() throws IOException {
    assertThat(export().qdpx()).isEqualTo(export().qdpx());
  }

  @Test
  void aFailedExportKeepsTheEarlierFileAndLeavesNoScratchFilesBehind(@TempDir Path exportFolder)
      throws IOException {
    // given: an earlier night's export, and a source whose text cannot be exported
    Path file = exportFolder.resolve("export.qdpx");
    Files.writeString(file, "earlier night");
    RefiQdaExporter failing =
        new RefiQdaExporter((source, segments) -> {
          if (source.participantId().equals("P02")) {
            throw new IllegalStateException("no text for P02");
          }
          return ExportFixture.sourceText().of(source, segments);
        });

    // when
    assertThatThrownBy(() ->
            failing.export(
                ExportFixture.study(),
                ExportFixture.importedCategories(),
                ExportFixture.provenances(),
                ExportFixture.sources(),
                file))
        .hasMessageContaining("no text for P02");

    // then
    assertThat(Files.readString(file)).isEqualTo("earlier night");
    try (Stream<Path> left = Files.list(exportFolder)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void exportLeavesOnlyTheArchiveInItsFolder(@TempDir Path exportFolder) {
    // when
    exportTo(exportFolder.resolve("export.qdpx"));

    // then
    assertThat(exportFolder.toFile().list()).containsExactly("export.qdpx");
  }

  private static org.assertj.core.groups.Tuple at(
      String category, String participant, String text, String words) {
    int start = text.indexOf(words);
    assertThat(start).as("fixture text holds '%s'", words).isNotNegative();
    return tuple(category, participant, start, start + words.length());
  }
}
