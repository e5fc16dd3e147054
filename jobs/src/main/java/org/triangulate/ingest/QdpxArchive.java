package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of a {@code .qdpx} archive that an import needs: the project XML and the text and
 * Word sources (media is never read). Finds the project XML as {@code project.qde}, or the one
 * {@code *.qde} at the root (ATLAS.ti names it after the project), and resolves source paths as
 * real exports write them: {@code internal://x.txt}, {@code relative://x}, paths under {@code
 * sources/} or {@code Sources/}, in any letter case. Each entry is capped in size against zip
 * bombs. Immutable.
 */
final class QdpxArchive {

  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  private final Map<String, byte[]> entries;
  private final List<String> notes;

  private QdpxArchive(Map<String, byte[]> entries, List<String> notes) {
    this.entries = entries;
    this.notes = notes;
  }

  static boolean isZip(byte[] bytes) {
    return bytes.length >= 4
        && bytes[0] == 'P'
        && bytes[1] == 'K'
        && bytes[2] == 3
        && bytes[3] == 4;
  }

  static QdpxArchive open(byte[] bytes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName().replace('\\', '/');
        String lower = name.toLowerCase(Locale.ROOT);
        if (entry.isDirectory()
            || !(lower.endsWith(".qde") || lower.endsWith(".txt") || lower.endsWith(".docx"))) {
          continue;
        }
        byte[] content = readCapped(zip);
        if (content == null) {
          notes.add(
              "entry "
                  + name
                  + " is larger than "
                  + MAX_ENTRY_BYTES / (1024 * 1024)
                  + " MB: not read");
        } else {
          entries.put(name, content);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidRecordException("not a readable .qdpx (zip) archive: " + e.getMessage());
    }
    if (entries.isEmpty() && notes.isEmpty()) {
      throw new InvalidRecordException("not a readable .qdpx (zip) archive: no entries");
    }
    return new QdpxArchive(entries, notes);
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
      return Map.entry(standard.get(), entries.get(standard.get()));
    }
    if (roots.size() == 1) {
      notes.add("project XML is named " + roots.getFirst() + ", not project.qde (accepted)");
      return Map.entry(roots.getFirst(), entries.get(roots.getFirst()));
    }
    throw new InvalidRecordException(
        roots.isEmpty()
            ? "no project.qde in the archive"
            : "several project files in the archive " + roots + " and none is project.qde");
  }

  /** The bytes a source path points to, or empty when the archive does not hold it. */
  Optional<byte[]> resolve(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    String relative =
        path.strip()
            .replaceFirst("(?i)^(internal|relative|file):/*", "")
            .replace('\\', '/')
            .replaceFirst("^/+", "");
    for (String candidate : List.of(relative, "sources/" + relative)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(candidate)) {
          return Optional.of(entry.getValue());
        }
      }
    }
    String fileName = relative.substring(relative.lastIndexOf('/') + 1);
    return entries.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith("sources/"))
        .filter(
            e -> e.getKey().substring(e.getKey().lastIndexOf('/') + 1).equalsIgnoreCase(fileName))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > MAX_ENTRY_BYTES) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
