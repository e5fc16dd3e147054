package org.triangulate.node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launches {@code bin/elasticsearch -d -p <pid file>} for an instance directory: as this user, or,
 * when this JVM is root, as the settings' system user. The launcher exits once the daemonized node
 * has started or failed; the node itself is found through the PID file. Stateless and thread-safe.
 */
final class NodeLauncher {

  private static final int MINIMUM_JAVA = 21;

  Process launch(
      EmbeddedElasticsearchSettings settings, Path elasticsearchHome, NodeInstance instance)
      throws IOException {
    requireJava(settings.javaHome());
    // A new session keeps the daemon out of the terminal's process group, so Ctrl-C on a command
    // that started it does not take the shared node down mid-write.
    List<String> command = new ArrayList<>(List.of("setsid", "--wait"));
    if (SystemUser.currentIsRoot()) {
      SystemUser user = new SystemUser(settings.systemUser());
      user.ensureExists();
      user.grantRead(elasticsearchHome);
      user.requireReachable(elasticsearchHome);
      user.requireReachable(settings.javaHome().resolve("bin/java"));
      user.requireReachable(instance.dir());
      user.own(instance.dir());
      command.addAll(user.runAs());
    }
    command.addAll(
        List.of(
            elasticsearchHome.resolve("bin/elasticsearch").toString(),
            "-d",
            "-p",
            instance.pidFile().toString()));

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(instance.dir().toFile())
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(instance.launchLog().toFile());
    Map<String, String> env = builder.environment();
    // The start script warns about and ignores these; removing them keeps its output about real
    // problems.
    List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS").forEach(env::remove);
    env.put("ES_JAVA_HOME", settings.javaHome().toString());
    env.put("ES_PATH_CONF", instance.config().toString());
    env.put("ES_TMPDIR", instance.tmp().toString());
    env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
    return builder.start();
  }

  /**
   * Elasticsearch 9 needs Java 21; its own check only says so after a slow start, and less plainly.
   */
  static void requireJava(Path javaHome) throws IOException {
    if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
      throw new IllegalStateException(
          "No Java at "
              + javaHome.resolve("bin/java")
              + ": the embedded Elasticsearch needs a JDK "
              + MINIMUM_JAVA
              + " or newer (e.g. Temurin 25)");
    }
    int feature =
        featureVersion(javaHome)
            .orElseThrow(() ->
                new IllegalStateException(
                    "Cannot tell the Java version of "
                        + javaHome
                        + " (no release file): point the embedded Elasticsearch at a JDK "
                        + MINIMUM_JAVA
                        + " or newer"));
    if (feature < MINIMUM_JAVA) {
      throw new IllegalStateException(
          "The embedded Elasticsearch needs a JDK "
              + MINIMUM_JAVA
              + " or newer, but "
              + javaHome
              + " is Java "
              + feature
              + ": install one (e.g. Temurin 25) and run through ./triangulate, which picks it");
    }
  }

  private static Optional<Integer> featureVersion(Path javaHome) throws IOException {
    if (javaHome.equals(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize())) {
      return Optional.of(Runtime.version().feature());
    }
    Path release = javaHome.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    return Files.readAllLines(release).stream()
        .filter(line -> line.startsWith("JAVA_VERSION="))
        .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
        .map(version -> version.startsWith("1.") ? version.substring(2) : version)
        .map(version -> version.split("[.+-]")[0])
        .filter(feature -> feature.matches("\\d+"))
        .map(Integer::parseInt)
        .findFirst();
  }
}
