package org.triangulate.coding;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.triangulate.ingest.QdpxReader;
import org.triangulate.study.Study;

/**
 * Writes a REFI-QDA project XML ({@code project.qde}) indented by depth, its elements in the
 * project namespace; text and attribute values are escaped by StAX and cleared of characters XML
 * 1.0 cannot hold. Writes through to its stream as it goes, so a project of any size takes no more
 * memory than its deepest element. Used by the export and by the demo generator's project. Not
 * thread-safe (one per project).
 */
public final class QdeXml {

  private final XMLStreamWriter out;
  private final OutputStream bytes;

  /** A part of a project (elements only, no declaration), to be placed with {@link #raw}. */
  QdeXml(OutputStream bytes) {
    this.bytes = bytes;
    try {
      out =
          XMLOutputFactory.newInstance()
              .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
      out.setDefaultNamespace(QdpxReader.NAMESPACE);
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  public QdeXml(OutputStream bytes, String projectName, String origin) {
    this.bytes = bytes;
    try {
      out =
          XMLOutputFactory.newInstance()
              .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
      out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      out.writeCharacters("\n");
      out.setDefaultNamespace(QdpxReader.NAMESPACE);
      out.writeStartElement(QdpxReader.NAMESPACE, "Project");
      out.writeDefaultNamespace(QdpxReader.NAMESPACE);
      attribute("name", projectName);
      attribute("origin", origin);
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Opens an element on a new line at {@code depth}. */
  public QdeXml start(int depth, String element) {
    try {
      newline(depth);
      out.writeStartElement(element);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** An element without content on a new line at {@code depth}; attributes follow. */
  public QdeXml empty(int depth, String element) {
    try {
      newline(depth);
      out.writeEmptyElement(element);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** An element without content right here (no new line); attributes follow. */
  QdeXml inline(String element) {
    try {
      out.writeEmptyElement(element);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  public QdeXml attribute(String name, String value) {
    try {
      out.writeAttribute(name, xmlSafe(value));
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Closes the open element, on a new line at {@code depth}, or right here when negative. */
  public QdeXml end(int depth) {
    try {
      if (depth >= 0) {
        newline(depth);
      }
      out.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** A {@code Description} element, left out when there is no text. */
  public QdeXml description(int depth, String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    try {
      start(depth, "Description");
      out.writeCharacters(xmlSafe(text));
      out.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Writes a part written by a {@link #QdeXml(OutputStream) part's writer} here, as it is. */
  QdeXml raw(byte[] part) {
    try {
      // Closes a start tag still open, so the part lands inside its element.
      out.writeCharacters("");
      out.flush();
      bytes.write(part);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write the REFI-QDA project", e);
    }
  }

  /** Flushes a part's writer to its stream. */
  void flush() {
    try {
      out.flush();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Closes the project and flushes it to the stream (which stays open). */
  public void finish() {
    try {
      end(0);
      out.writeCharacters("\n");
      out.writeEndDocument();
      out.flush();
      out.close();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** A GUID derived from the study and what it names, so the same night gives the same file. */
  static String guid(Study study, String key) {
    return UUID.nameUUIDFromBytes((study.name() + "/" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Characters XML 1.0 cannot hold become spaces. */
  static String xmlSafe(String text) {
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

  private void newline(int depth) throws XMLStreamException {
    out.writeCharacters("\n" + "  ".repeat(depth));
  }

  private static IllegalStateException failure(XMLStreamException e) {
    return new IllegalStateException("Cannot write the REFI-QDA project: " + e.getMessage(), e);
  }
}
