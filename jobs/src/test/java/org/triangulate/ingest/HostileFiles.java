package org.triangulate.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Crafted hostile inputs, written by the tests that use them (none is committed): a REFI-QDA
 * archive of many large entries that compresses to little, a CSV with one huge line, a Word file
 * whose XML expands far past its size on disk.
 */
final class HostileFiles {

  private HostileFiles() {}

  /**
   * A {@code .qdpx} whose project references {@code entries} text sources of {@code entryBytes}
   * spaces each (a zip bomb: each compresses a thousandfold), or none of them when {@code
   * referenced} is false. One entry is compressed once and its compressed bytes copied.
   */
  static Path qdpxBomb(Path file, int entries, long entryBytes, boolean referenced)
      throws IOException {
    // Deflate blocks that end in a sync flush stand alone, so one compressed megabyte of spaces
    // repeated (and closed by an empty final block) is a valid stream of many megabytes.
    Path deflated = Files.createTempFile(file.getParent(), "entry", ".deflated");
    CRC32 crc = new CRC32();
    int unit = (int) Math.min(1 << 20, entryBytes);
    byte[] spaces = new byte[unit];
    java.util.Arrays.fill(spaces, (byte) ' ');
    byte[] block = syncFlushed(spaces, unit);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(deflated))) {
      long written = 0;
      for (; written + unit <= entryBytes; written += unit) {
        out.write(block);
        crc.update(spaces, 0, unit);
      }
      int rest = (int) (entryBytes - written);
      if (rest > 0) {
        out.write(syncFlushed(spaces, rest));
        crc.update(spaces, 0, rest);
      }
      out.write(new byte[] {0x03, 0x00});
    }
    StringBuilder project =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"bomb\"><Sources>\n");
    for (int i = 0; i < entries && referenced; i++) {
      project
          .append("<TextSource guid=\"s")
          .append(i)
          .append("\" name=\"P0")
          .append(i)
          .append(".txt\" plainTextPath=\"internal://s")
          .append(i)
          .append(".txt\"/>\n");
    }
    project.append("</Sources></Project>\n");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      ZipArchiveEntry xml = new ZipArchiveEntry("project.qde");
      zip.putArchiveEntry(xml);
      zip.write(project.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      for (int i = 0; i < entries; i++) {
        ZipArchiveEntry entry = new ZipArchiveEntry("sources/s" + i + ".txt");
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(entryBytes);
        entry.setCompressedSize(Files.size(deflated));
        entry.setCrc(crc.getValue());
        try (var in = Files.newInputStream(deflated)) {
          zip.addRawArchiveEntry(entry, in);
        }
      }
    }
    Files.delete(deflated);
    return file;
  }

  private static byte[] syncFlushed(byte[] data, int length) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data, 0, length);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    deflater.end();
    return out.toByteArray();
  }

  /** A CSV: a header, a good row, one line of {@code length} characters, another good row. */
  static Path csvWithLongLine(Path file, String header, String good, String good2, long length)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write((header + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (long written = 0; written < length; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, length - written));
      }
      out.write(("\n" + good2 + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /**
   * A Word file whose {@code word/document.xml} expands to about {@code xmlBytes}: paragraphs of
   * repeated markup with a few random letters each, so it compresses some twentyfold (well under
   * the hundredfold that POI's own zip-bomb check refuses).
   */
  static Path docxExpanding(Path file, long xmlBytes) throws IOException {
    Random random = new Random(19);
    try (ZipOutputStream zip =
        new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                  + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                  + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                  + "</Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                  + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                  + "</Relationships>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document"
                  + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                  + "<w:body>");
      long written = 0;
      while (written < xmlBytes) {
        xml.append("<w:p><w:r><w:t xml:space=\"preserve\">Respondent: we talked about it ");
        for (int i = 0; i < 6; i++) {
          xml.append((char) ('a' + random.nextInt(26)));
        }
        xml.append("</w:t></w:r></w:p>");
        if (xml.length() > 1 << 16) {
          written += xml.length();
          zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
          xml.setLength(0);
        }
      }
      xml.append("</w:body></w:document>");
      zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
