package org.triangulate.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The entries of a {@code .qdpx} archive that an import needs: the project XML and the text and
 * Word sources the project references, read only when asked for (media and unreferenced entries are
 * never decompressed). Finds the project XML as {@code project.qde}, or the one {@code *.qde} at
 * the root (ATLAS.ti names it after the project), and resolves source paths as real exports write
 * them: {@code internal://x.txt}, {@code relative://x}, paths under {@code sources/} or {@code
 * Sources/}, in any letter case. Against zip bombs the archive's entry count is capped, and so are
 * the uncompressed bytes read from it in all, counted as they are read (declared sizes can lie).
 * Not thread-safe; close it after the import.
 */
final class QdpxArchive implements Closeable {

  private final ZipFile zip;
  private final Map<String, ZipArchiveEntry> entries;
  private final List<String> notes = new ArrayList<>();
  private final InputLimits limits;
  private long read;

  private QdpxArchive(ZipFile zip, Map<String, ZipArchiveEntry> entries, InputLimits limits) {
    this.zip = zip;
    this.entries = entries;
    this.limits = limits;
  }

  static boolean isZip(byte[] bytes) {
    return bytes.length >= 4
        && bytes[0] == 'P'
        && bytes[1] == 'K'
        && bytes[2] == 3
        && bytes[3] == 4;
  }

  /** The archive's directory, read without decompressing anything. */
  static QdpxArchive open(SeekableByteChannel channel, InputLimits limits) {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setSeekableByteChannel(channel).get();
    } catch (IOException | RuntimeException e) {
      throw new InvalidRecordException("not a readable .qdpx (zip) archive: " + e.getMessage());
    }
    Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
    int count = 0;
    for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
      if (++count > limits.maxArchiveEntries()) {
        closeQuietly(zip);
        throw new InvalidRecordException(
            "the archive lists more than "
                + limits.maxArchiveEntries()
                + " entries, over the cap (triangulate.input.max-archive-entries); not read");
      }
      String name = entry.getName().replace('\\', '/');
      String lower = name.toLowerCase(Locale.ROOT);
      if (!entry.isDirectory()
          && (lower.endsWith(".qde") || lower.endsWith(".txt") || lower.endsWith(".docx"))) {
        entries.putIfAbsent(name, entry);
      }
    }
    if (entries.isEmpty()) {
      closeQuietly(zip);
      throw new InvalidRecordException(
          count == 0
              ? "not a readable .qdpx (zip) archive: no entries"
              : "no project.qde in the archive");
    }
    return new QdpxArchive(zip, entries, limits);
  }

  List<String> notes() {
    return notes;
  }

  /** The project XML's entry name and bytes. */
  Map.Entry<String, byte[]> projectXml() {
    List<String> roots =
        entries.keySet().stream()
            .filter(n -> !n.contains("/") && n.toLowerCase(Locale.ROOT).endsWith(".qde"))
            .toList();
    Optional<String> standard =
        roots.stream().filter(n -> n.equalsIgnoreCase("project.qde")).findFirst();
    if (standard.isPresent()) {
      return Map.entry(standard.get(), content(standard.get()));
    }
    if (roots.size() == 1) {
      notes.add("project XML is named " + roots.getFirst() + ", not project.qde (accepted)");
      return Map.entry(roots.getFirst(), content(roots.getFirst()));
    }
    throw new InvalidRecordException(
        roots.isEmpty()
            ? "no project.qde in the archive"
            : "several project files in the archive " + roots + " and none is project.qde");
  }

  /**
   * The bytes a source path points to, or empty when the archive does not hold it. An {@link
   * OverCap} when reading it takes the archive past its cap: the whole archive is then refused.
   */
  Optional<byte[]> resolve(String path) {
    return find(path).map(this::content);
  }

  private Optional<String> find(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    String relative =
        path.strip()
            .replaceFirst("(?i)^(internal|relative|file):/*", "")
            .replace('\\', '/')
            .replaceFirst("^/+", "");
    for (String candidate : List.of(relative, "sources/" + relative)) {
      for (String name : entries.keySet()) {
        if (name.equalsIgnoreCase(candidate)) {
          return Optional.of(name);
        }
      }
    }
    String fileName = relative.substring(relative.lastIndexOf('/') + 1);
    return entries.keySet().stream()
        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("sources/"))
        .filter(n -> n.substring(n.lastIndexOf('/') + 1).equalsIgnoreCase(fileName))
        .findFirst();
  }

  private byte[] content(String name) {
    long cap = limits.maxArchiveSize().toBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = zip.getInputStream(entries.get(name))) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        read += n;
        if (read > cap) {
          throw new OverCap(
              "the archive expands to more than "
                  + InputLimits.describe(cap)
                  + " (reached in entry "
                  + name
                  + "), over the cap (triangulate.input.max-archive-size); not read");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof OverCap overCap) {
        throw overCap;
      }
      throw new InvalidRecordException("entry " + name + " is not readable: " + e.getMessage());
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // Reading is over; a failed close loses nothing.
    }
  }

  /** The archive as a whole is over a cap: refused, not just the one source. */
  static final class OverCap extends InvalidRecordException {
    OverCap(String reason) {
      super(reason);
    }
  }
}
