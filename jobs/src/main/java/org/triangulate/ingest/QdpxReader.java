package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a REFI-QDA project ({@code .qdpx} archive or bare {@code .qde} XML) into a {@link
 * QdaProject}, liberal in what real exports do: namespace present or not, the project XML under
 * another name, sources inline ({@code PlainTextContent}), in the archive ({@code plainTextPath},
 * or only a Word {@code richTextPath}) or absent, PDF sources' text representations, codes marked
 * not codable, codebooks with no selections. Everything it skips it reports. No DTDs or external
 * entities are processed. Stateless and thread-safe.
 */
public final class QdpxReader {

  public static final String NAMESPACE = "urn:QDA-XML:project:1.0";

  private QdpxReader() {}

  /** The project, or an {@link InvalidRecordException} when the file is not a readable project. */
  public static QdaProject read(String fileName, byte[] bytes) {
    return read(fileName, bytes, InputLimits.DEFAULTS);
  }

  public static QdaProject read(String fileName, byte[] bytes, InputLimits limits) {
    if (QdpxArchive.isZip(bytes)) {
      try (QdpxArchive archive = QdpxArchive.open(new SeekableInMemoryByteChannel(bytes), limits)) {
        return fromArchive(fileName, archive, limits);
      }
    }
    return fromXml(fileName, bytes, null, new ArrayList<>(), limits);
  }

  /**
   * The project in a file, read as far as it needs: an archive's directory, its project XML and the
   * sources that XML references, each under the caps of {@code limits}; a bare project XML only
   * when it is within {@code max-archive-size}.
   */
  public static QdaProject read(String fileName, Path file, InputLimits limits) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(4);
      }
      if (QdpxArchive.isZip(head)) {
        try (SeekableByteChannel channel = Files.newByteChannel(file);
            QdpxArchive archive = QdpxArchive.open(channel, limits)) {
          return fromArchive(fileName, archive, limits);
        }
      }
      notAZip(fileName);
      long size = Files.size(file);
      if (size > limits.maxArchiveSize().toBytes()) {
        throw new InvalidRecordException(
            "the project XML is "
                + size
                + " bytes, over the cap of "
                + InputLimits.describe(limits.maxArchiveSize().toBytes())
                + " (triangulate.input.max-archive-size); not read");
      }
      return fromXml(fileName, Files.readAllBytes(file), null, new ArrayList<>(), limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static QdaProject fromArchive(String fileName, QdpxArchive archive, InputLimits limits) {
    byte[] xml = archive.projectXml().getValue();
    List<String> notes = new ArrayList<>(archive.notes());
    return fromXml(fileName, xml, archive, notes, limits);
  }

  private static void notAZip(String fileName) {
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".qdpx")) {
      throw new InvalidRecordException(
          "not a readable .qdpx (zip) archive: it does not start as one");
    }
  }

  private static QdaProject fromXml(
      String fileName, byte[] xml, QdpxArchive archive, List<String> notes, InputLimits limits) {
    if (archive == null) {
      notAZip(fileName);
    }
    Element project = parse(xml).getDocumentElement();
    if (!"Project".equals(local(project))) {
      throw new InvalidRecordException(
          "the XML's root is <" + local(project) + ">, not a REFI-QDA <Project>");
    }
    if (!NAMESPACE.equals(project.getNamespaceURI())) {
      notes.add(
          "namespace is '"
              + (project.getNamespaceURI() == null ? "none" : project.getNamespaceURI())
              + "', not "
              + NAMESPACE
              + " (accepted)");
    }
    Map<String, String> users = new HashMap<>();
    for (Element user : descendants(child(project, "Users"), "User")) {
      users.put(user.getAttribute("guid"), user.getAttribute("name"));
    }
    List<QdaProject.Code> codes = new ArrayList<>();
    Element codebook = child(project, "CodeBook");
    if (codebook != null) {
      readCodes(child(codebook, "Codes"), null, codes);
    }
    List<QdaProject.Source> sources = new ArrayList<>();
    List<QuarantinedRecord> skipped = new ArrayList<>();
    Map<String, Integer> skippedKinds = new TreeMap<>();
    Element sourcesElement = child(project, "Sources");
    for (Element source : children(sourcesElement)) {
      String kind = local(source);
      if (kind.equals("TextSource")) {
        sources.add(
            textSource(
                source, source.getAttribute("name"), archive, users, skipped, fileName, limits));
      } else if (kind.equals("PDFSource") && child(source, "Representation") != null) {
        sources.add(
            textSource(
                child(source, "Representation"),
                source.getAttribute("name"),
                archive,
                users,
                skipped,
                fileName,
                limits));
      } else {
        for (Element selection : children(source)) {
          if (local(selection).endsWith("Selection")) {
            skipped.add(
                new QuarantinedRecord(
                    null,
                    fileName,
                    "selection " + selection.getAttribute("guid"),
                    local(selection)
                        + " on "
                        + kind
                        + " '"
                        + source.getAttribute("name")
                        + "': only plain-text selections are imported",
                    null));
          }
        }
        skippedKinds.merge(kind, 1, Integer::sum);
      }
    }
    skippedKinds.forEach((kind, n) -> notes.add(n + " " + kind + "(s) not imported (not text)"));
    for (String aside : List.of("Notes", "Sets", "Cases", "Variables", "Links", "Graphs")) {
      int n = children(child(project, aside)).size();
      if (n > 0) {
        notes.add(n + " " + aside.toLowerCase(Locale.ROOT) + " not imported");
      }
    }
    String origin = project.getAttribute("origin");
    return new QdaProject(
        project.getAttribute("name"),
        origin.isBlank() ? null : origin,
        codes,
        sources,
        skipped,
        notes);
  }

  private static void readCodes(Element parent, String parentGuid, List<QdaProject.Code> codes) {
    for (Element code : children(parent)) {
      if (!local(code).equals("Code")) {
        continue;
      }
      String guid = code.getAttribute("guid");
      Element description = child(code, "Description");
      codes.add(
          new QdaProject.Code(
              guid,
              parentGuid,
              code.getAttribute("name"),
              description == null ? null : description.getTextContent().strip(),
              code.getAttribute("color").isBlank() ? null : code.getAttribute("color"),
              !"false".equalsIgnoreCase(code.getAttribute("isCodable").strip())));
      readCodes(code, guid, codes);
    }
  }

  private static QdaProject.Source textSource(
      Element source,
      String name,
      QdpxArchive archive,
      Map<String, String> users,
      List<QuarantinedRecord> skipped,
      String fileName,
      InputLimits limits) {
    String plainTextPath = source.getAttribute("plainTextPath");
    String richTextPath = source.getAttribute("richTextPath");
    String text = null;
    String textPath = null;
    Element inline = child(source, "PlainTextContent");
    if (inline != null) {
      text = inline.getTextContent();
      textPath = "PlainTextContent";
    } else if (archive != null) {
      try {
        Optional<byte[]> plain = archive.resolve(plainTextPath);
        if (plain.isPresent()) {
          text = DecodedText.decode(plain.get()).text();
          textPath = plainTextPath;
        } else {
          Optional<byte[]> rich = archive.resolve(richTextPath);
          if (rich.isPresent() && richTextPath.toLowerCase(Locale.ROOT).endsWith(".docx")) {
            text = DocxText.extract(rich.get(), limits);
            textPath = richTextPath;
          }
        }
      } catch (QdpxArchive.OverCap e) {
        throw e;
      } catch (InvalidRecordException e) {
        // The source's codings are reported as unplaceable by the importer; say why here.
        text = null;
        textPath = plainTextPath + " (unreadable: " + e.getMessage() + ")";
      }
    }
    List<QdaProject.Selection> selections = new ArrayList<>();
    for (Element selection : children(source)) {
      if (!local(selection).equals("PlainTextSelection")) {
        continue;
      }
      String guid = selection.getAttribute("guid");
      List<String> codeGuids = new ArrayList<>();
      for (Element coding : children(selection)) {
        if (local(coding).equals("Coding")) {
          Element ref = child(coding, "CodeRef");
          if (ref != null && !ref.getAttribute("targetGUID").isBlank()) {
            codeGuids.add(ref.getAttribute("targetGUID"));
          }
        }
      }
      try {
        long start = position(selection, "startPosition");
        long end = position(selection, "endPosition");
        String coder = users.getOrDefault(selection.getAttribute("creatingUser"), null);
        selections.add(
            new QdaProject.Selection(
                guid, selection.getAttribute("name"), start, end, coder, codeGuids));
      } catch (InvalidRecordException e) {
        for (String code : codeGuids.isEmpty() ? List.of("") : codeGuids) {
          skipped.add(
              new QuarantinedRecord(
                  null,
                  fileName,
                  "selection " + guid,
                  e.getMessage() + " (source '" + name + "')",
                  code));
        }
      }
    }
    return new QdaProject.Source(
        source.getAttribute("guid"),
        name == null || name.isBlank() ? source.getAttribute("guid") : name,
        textPath == null ? (plainTextPath.isBlank() ? richTextPath : plainTextPath) : textPath,
        text,
        selections);
  }

  private static long position(Element selection, String attribute) {
    String value = selection.getAttribute(attribute).strip();
    try {
      long position = Long.parseLong(value);
      if (position < 0) {
        throw new NumberFormatException();
      }
      return position;
    } catch (NumberFormatException e) {
      throw new InvalidRecordException(
          attribute + " '" + value + "' is not a character position (a whole number from 0)");
    }
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new InvalidRecordException("project XML is not readable: " + e.getMessage());
    }
  }

  private static String local(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static Element child(Element parent, String localName) {
    return children(parent).stream()
        .filter(e -> local(e).equals(localName))
        .findFirst()
        .orElse(null);
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    if (parent == null) {
      return elements;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        elements.add(e);
      }
    }
    return elements;
  }

  private static List<Element> descendants(Element parent, String localName) {
    return children(parent).stream().filter(e -> local(e).equals(localName)).toList();
  }
}
