package org.triangulate.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Folders that hold identifiable data (the embedded store, the quarantine): readable by the owner
 * only, rwx------ for the folder and rw------- for its files, where the file system has POSIX
 * permissions. Stateless.
 */
public final class PrivateFolders {

  private PrivateFolders() {}

  /** Creates the folder if needed and makes it the owner's only. */
  public static Path create(Path folder) {
    try {
      Files.createDirectories(folder);
      if (posix(folder)) {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder.toAbsolutePath(), e);
    }
  }

  /** Makes the folder and every file directly in it the owner's only. */
  public static void restrict(Path folder) {
    create(folder);
    try (Stream<Path> files = Files.list(folder)) {
      if (!posix(folder)) {
        return;
      }
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict " + folder.toAbsolutePath(), e);
    }
  }

  private static boolean posix(Path folder) throws IOException {
    return Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
  }
}
