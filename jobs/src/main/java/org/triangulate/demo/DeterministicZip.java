package org.triangulate.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes ZIP containers (.docx, .qdpx) whose bytes depend only on their entries: entries stored
 * uncompressed (a deflater's output can change with the zlib a JDK ships) with one fixed local
 * time, in the order given. Stateless.
 */
final class DeterministicZip {

  /** The entries' modification time, as local date-time fields, so no time zone enters. */
  private static final LocalDateTime STAMP = LocalDateTime.of(2025, 1, 1, 0, 0);

  record Entry(String name, byte[] bytes) {}

  private DeterministicZip() {}

  static byte[] write(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Entry entry : entries) {
        ZipEntry zipEntry = new ZipEntry(entry.name());
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(entry.bytes().length);
        zipEntry.setCompressedSize(entry.bytes().length);
        CRC32 crc = new CRC32();
        crc.update(entry.bytes());
        zipEntry.setCrc(crc.getValue());
        zipEntry.setTimeLocal(STAMP);
        zip.putNextEntry(zipEntry);
        zip.write(entry.bytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The same entries, in the same order, rewritten deterministically. */
  static byte[] rewrite(byte[] zipFile) {
    List<Entry> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.add(new Entry(entry.getName(), zip.readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(entries);
  }
}
