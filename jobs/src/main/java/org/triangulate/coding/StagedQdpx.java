package org.triangulate.coding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The parts of a {@code .qdpx} held in two scratch files until the project is complete: the archive
 * begins with {@code project.qde}, which is finished only after every source's text is known, and
 * for a large study neither the project nor the texts belong in memory. The archive holds {@code
 * project.qde} first, then the texts in the order they were added, each entry with one fixed time.
 * Not thread-safe; closing deletes the scratch files.
 */
final class StagedQdpx implements AutoCloseable {

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);

  private record Text(String entryName, int bytes) {}

  private final Path projectFile;
  private final Path textsFile;
  private final OutputStream project;
  private final OutputStream texts;
  private final List<Text> textEntries = new ArrayList<>();

  /** Scratch files go into {@code directory}, beside the archive they become. */
  StagedQdpx(Path directory) throws IOException {
    Files.createDirectories(directory);
    projectFile = Files.createTempFile(directory, ".project", ".qde.tmp");
    textsFile = Files.createTempFile(directory, ".sources", ".txt.tmp");
    project = new BufferedOutputStream(Files.newOutputStream(projectFile));
    texts = new BufferedOutputStream(Files.newOutputStream(textsFile));
  }

  /** Where {@code project.qde} is written. */
  OutputStream project() {
    return project;
  }

  /** A source's text, the archive's entry {@code entryName}. */
  void addText(String entryName, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    texts.write(bytes);
    textEntries.add(new Text(entryName, bytes.length));
  }

  /** The finished project as written, to check it before it goes into the archive. */
  InputStream readProject() throws IOException {
    project.close();
    return new BufferedInputStream(Files.newInputStream(projectFile));
  }

  /** Writes the archive to {@code out} and closes it. */
  void writeArchive(OutputStream out) throws IOException {
    project.close();
    texts.close();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        InputStream textsIn = new BufferedInputStream(Files.newInputStream(textsFile))) {
      startEntry(zip, "project.qde");
      Files.copy(projectFile, zip);
      zip.closeEntry();
      for (Text text : textEntries) {
        startEntry(zip, text.entryName());
        zip.write(textsIn.readNBytes(text.bytes()));
        zip.closeEntry();
      }
    }
  }

  private static void startEntry(ZipOutputStream zip, String name) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
  }

  @Override
  public void close() throws IOException {
    try {
      project.close();
      texts.close();
    } finally {
      Files.deleteIfExists(projectFile);
      Files.deleteIfExists(textsFile);
    }
  }
}
