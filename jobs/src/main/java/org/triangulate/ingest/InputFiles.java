package org.triangulate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of an input folder ({@code transcripts/}, {@code coding/}) in name order; none when it
 * is missing. Hidden files and the lock files Word leaves beside open documents ({@code ~$...}) are
 * not inputs.
 */
public final class InputFiles {

  /** How deep {@link #tree} looks into subfolders ({@code transcripts/site-A/wave-2/}). */
  static final int MAX_DEPTH = 8;

  private InputFiles() {}

  public static List<Path> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> isInput(f.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file found under an input folder: its path, its name relative to the folder ({@code
   * site-A/P01.txt}, always with {@code /}), and why it is refused (null when it is not).
   */
  public record Listed(Path path, String name, String refusal) {}

  /**
   * The files of a folder and its subfolders (sites as subfolders are common), in name order. A
   * symbolic link is followed only when it stays inside {@code studyFolder}; one that leads out of
   * it, or that is broken, is listed with the reason it is refused, and is never read.
   */
  public static List<Listed> tree(Path folder, Path studyFolder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Listed> found = new ArrayList<>();
    try {
      Path root = studyFolder.toRealPath();
      Files.walkFileTree(
          folder,
          java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.equals(folder) || isInput(dir.getFileName().toString())
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!isInput(file.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
              }
              String name = folder.relativize(file).toString().replace('\\', '/');
              if (attrs.isSymbolicLink()) {
                found.add(new Listed(file, name, linkRefusal(file, root)));
              } else if (attrs.isRegularFile()) {
                found.add(new Listed(file, name, null));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              String name = folder.relativize(file).toString().replace('\\', '/');
              found.add(new Listed(file, name, "could not be read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(Comparator.comparing(Listed::name));
    return found;
  }

  private static String linkRefusal(Path link, Path studyRoot) {
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(studyRoot)) {
        return "a symbolic link to a file outside the study folder; refused (copy the file in"
            + " instead)";
      }
      if (!Files.isRegularFile(target)) {
        return "a symbolic link to a folder; not followed (move the folder in instead)";
      }
      return null;
    } catch (IOException e) {
      return "a symbolic link whose target is missing; refused";
    }
  }

  private static boolean isInput(String fileName) {
    return !fileName.startsWith(".") && !fileName.startsWith("~$");
  }
}
