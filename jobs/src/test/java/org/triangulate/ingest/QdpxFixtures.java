package org.triangulate.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The REFI-QDA test projects of {@code src/test/resources/ingest/refiqda/}, zipped as .qdpx. */
final class QdpxFixtures {

  static final Path ROOT = Path.of("src/test/resources/ingest/refiqda");

  private QdpxFixtures() {}

  /** The folder's files as a .qdpx archive, entry names relative to the folder. */
  static byte[] qdpx(String folder) throws Exception {
    Path base = ROOT.resolve(folder);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> walk = Files.walk(base)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(base.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String text(String folder, String relative) throws Exception {
    return Files.readString(ROOT.resolve(folder).resolve(relative));
  }
}
