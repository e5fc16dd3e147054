package org.triangulate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** The overrides as properties, with --study folded in. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>(overrides);
    if (study != null) {
      properties.put("triangulate.study", study);
    }
    return properties;
  }
}
