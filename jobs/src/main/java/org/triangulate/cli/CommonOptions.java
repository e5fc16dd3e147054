package org.triangulate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that loads the configuration shares. */
public class CommonOptions {

  @Option(
      names = "--study",
      paramLabel = "NAME",
      description =
          "Study to work on: config/NAME/ and data-in/NAME/ (default: triangulate.study in config/application.yml).")
  String study;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "Spring profile(s) to activate, e.g. postgres.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key, e.g. --set triangulate.index.keep=3.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * The overrides as properties, with --study folded in. A secret given with --set is refused: the
   * command line is visible to every user of the machine ({@code ps}).
   */
  Map<String, Object> properties() {
    overrides.forEach((key, value) -> {
      if (isSecret(key) && value != null && !value.isEmpty()) {
        throw new IllegalArgumentException(
            "--set "
                + key
                + ": a secret on the command line shows in ps to every user of the machine; give"
                + " it in the environment ("
                + environmentName(key)
                + "=…) or a file");
      }
    });
    Map<String, Object> properties = new LinkedHashMap<>(overrides);
    if (study != null) {
      properties.put("triangulate.study", study);
    }
    return properties;
  }

  /** Spring's environment variable for a key: dots and brackets to underscores, no dashes. */
  static String environmentName(String key) {
    return key.replace("-", "")
        .replaceAll("[.\\[\\]]+", "_")
        .replaceAll("_$", "")
        .toUpperCase(Locale.ROOT);
  }

  /** Passwords, secrets, API keys and tokens; a file naming one is not one. */
  static boolean isSecret(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("-", "");
    return !last.endsWith("file")
        && (last.contains("password")
            || last.contains("secret")
            || last.contains("apikey")
            || last.contains("token"));
  }
}
