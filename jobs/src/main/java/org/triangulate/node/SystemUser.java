package org.triangulate.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unprivileged account the node runs as when this JVM is root, because Elasticsearch refuses to
 * run as root. Creates the account when missing, hands it the instance directory and makes sure it
 * can read the distribution and the JDK. Immutable; the file operations are not atomic, so callers
 * hold the instance lock.
 */
final class SystemUser {

  private static final UserPrincipalLookupService USERS =
      FileSystems.getDefault().getUserPrincipalLookupService();

  private final String name;

  SystemUser(String name) {
    this.name = name;
  }

  static boolean currentIsRoot() {
    try {
      // /proc/self is owned by the effective uid, which is what Elasticsearch checks.
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The command prefix that runs a program as this user with only its own groups. */
  List<String> runAs() {
    return List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups");
  }

  void ensureExists() {
    if (exists()) {
      return;
    }
    // --user-group: setpriv --regid needs a group of the same name on every distribution.
    String output =
        run(
            "useradd",
            "--system",
            "--user-group",
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            name);
    if (!exists()) {
      throw new IllegalStateException(
          "Could not create system user '" + name + "' to run Elasticsearch as: " + output);
    }
  }

  private boolean exists() {
    try {
      USERS.lookupPrincipalByName(name);
      USERS.lookupPrincipalByGroupName(name);
      return true;
    } catch (UserPrincipalNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives this user the whole directory tree, as a {@code chown -R user:user} would. */
  void own(Path dir) throws IOException {
    UserPrincipal user = USERS.lookupPrincipalByName(name);
    GroupPrincipal group = USERS.lookupPrincipalByGroupName(name);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.toList()) {
        PosixFileAttributeView view =
            Files.getFileAttributeView(
                file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(user);
        view.setGroup(group);
      }
    }
  }

  /** Adds read (and, where the owner has it, execute) permission for others throughout the tree. */
  void grantRead(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> !Files.isSymbolicLink(f)).toList()) {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        boolean changed = permissions.add(PosixFilePermission.OTHERS_READ);
        if (Files.isDirectory(file) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
          changed |= permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        if (changed) {
          Files.setPosixFilePermissions(file, permissions);
        }
      }
    }
  }

  /**
   * Fails when a directory above {@code path} is closed to others, which this user is; changing
   * permissions outside Triangulate's own tree is the administrator's call, not ours.
   */
  void requireReachable(Path path) throws IOException {
    for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException(
            "Elasticsearch runs as system user '"
                + name
                + "', which cannot reach "
                + path
                + " because "
                + dir
                + " is closed to other users: run chmod o+x "
                + dir
                + " or keep Triangulate and its JDK in a directory others can enter");
      }
    }
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return "exit " + process.waitFor() + (output.isEmpty() ? "" : ": " + output);
    } catch (IOException e) {
      return "cannot run " + command[0] + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
