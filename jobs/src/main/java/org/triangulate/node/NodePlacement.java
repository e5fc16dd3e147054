package org.triangulate.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Where the node's files live. Normally the directories the settings name. When this JVM is root
 * (the node then runs as the system user) and the system user cannot enter those directories, as in
 * a checkout inside {@code /root} or a {@code mktemp -d} folder, the instance and a copy of the
 * distribution live under {@code /var/lib/triangulate/} instead, keyed by the directory asked for,
 * so every later command from the same checkout finds the same node. Immutable.
 */
final class NodePlacement {

  static final Path DEFAULT_BASE = Path.of("/var/lib/triangulate");
  private static final String COMPLETE = ".copy-complete";

  private final Path instanceDir;
  private final Path relocatedDistribution;

  private NodePlacement(Path instanceDir, Path relocatedDistribution) {
    this.instanceDir = instanceDir;
    this.relocatedDistribution = relocatedDistribution;
  }

  /** The placement for this JVM: relocated under {@link #DEFAULT_BASE} only when root needs it. */
  static NodePlacement of(EmbeddedElasticsearchSettings settings) {
    boolean relocate =
        SystemUser.currentIsRoot()
            && !(othersCanEnter(settings.instanceDir())
                && othersCanEnter(settings.distributionDir()));
    return relocate ? relocated(settings, DEFAULT_BASE) : inPlace(settings);
  }

  static NodePlacement inPlace(EmbeddedElasticsearchSettings settings) {
    return new NodePlacement(settings.instanceDir(), null);
  }

  static NodePlacement relocated(EmbeddedElasticsearchSettings settings, Path base) {
    return new NodePlacement(
        base.resolve(key(settings.instanceDir())),
        base.resolve("dist-" + key(settings.distributionDir())));
  }

  boolean isRelocated() {
    return relocatedDistribution != null;
  }

  /** The node's instance directory: config, data, logs, PID file. */
  Path instanceDir() {
    return instanceDir;
  }

  /**
   * The distribution to launch: {@code elasticsearchHome} itself, or its copy beside the relocated
   * instance, made on first use (into a temporary directory moved into place, so an interrupted
   * copy is never taken for a complete one).
   */
  Path distribution(Path elasticsearchHome) throws IOException {
    if (relocatedDistribution == null) {
      return elasticsearchHome;
    }
    Path copy = relocatedDistribution.resolve(elasticsearchHome.getFileName().toString());
    if (Files.isRegularFile(copy.resolve(COMPLETE))) {
      return copy;
    }
    Files.createDirectories(relocatedDistribution);
    // Test JVMs and commands of one checkout share the copy: one makes it, the others wait.
    try (FileChannel channel =
            FileChannel.open(
                relocatedDistribution.resolve(".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return copyLocked(elasticsearchHome, copy);
    }
  }

  private Path copyLocked(Path elasticsearchHome, Path copy) throws IOException {
    if (Files.isRegularFile(copy.resolve(COMPLETE))) {
      return copy;
    }
    Path partial = Files.createTempDirectory(relocatedDistribution, ".partial-");
    try (Stream<Path> files = Files.walk(elasticsearchHome)) {
      for (Path file : files.toList()) {
        Path target = partial.resolve(elasticsearchHome.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(
              file,
              target,
              StandardCopyOption.COPY_ATTRIBUTES,
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(partial.resolve(COMPLETE), elasticsearchHome.toString());
    NodeInstance.deleteTree(copy);
    Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
    return copy;
  }

  /**
   * Leaves a note in the directory asked for, saying where the node's files went, and closes the
   * relocated instance to everyone but its owner: the checkout it stands for was private.
   */
  void markRelocation(Path askedFor) throws IOException {
    if (!isRelocated()) {
      return;
    }
    Files.createDirectories(askedFor);
    Files.writeString(
        askedFor.resolve("relocated-to.txt"),
        "The system user running Elasticsearch cannot enter this directory, so the node's files are in "
            + instanceDir
            + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(instanceDir, PosixFilePermissions.fromString("rwx------"));
  }

  /** Whether every existing directory from the root down to {@code path} lets others through. */
  static boolean othersCanEnter(Path path) {
    for (Path dir = path.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      try {
        if (Files.isDirectory(dir)
            && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return true;
  }

  static String key(Path dir) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
