package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * Writes the demo study's configuration ({@code resources/demo/config/}) to {@code
 * <configDir>/<study>/} under the study's name, then loads it the way the pipeline will, so the
 * data are generated against exactly the design the pipeline reads. Stateless.
 */
final class StudyConfigWriter {

  private static final String NAME_LINE = "\nname: demo\n";

  private StudyConfigWriter() {}

  static Study write(Path configDir, String studyName) {
    return write(configDir, studyName, null);
  }

  /**
   * With {@code second} (a second language's identifying details), the study also declares that
   * language and its country, after English and Britain.
   */
  static Study write(Path configDir, String studyName, LocalIdentifiers second) {
    String studyYml = new String(DemoResources.bytes("config/study.yml"), StandardCharsets.UTF_8);
    if (!studyYml.contains(NAME_LINE)) {
      throw new IllegalStateException("demo/config/study.yml must have the line 'name: demo'");
    }
    try {
      Path dir = Files.createDirectories(configDir.resolve(studyName));
      String named = studyYml.replace(NAME_LINE, "\nname: " + studyName + "\n");
      if (second != null) {
        named +=
            "\n# Written by generate-demo --second-language "
                + second.language()
                + ": some interviews are in that language.\nlanguages:\n  declared: [en, "
                + second.language()
                + "]\n  countries: [GB, "
                + second.country()
                + "]\n";
      }
      Files.writeString(dir.resolve("study.yml"), named);
      Files.write(dir.resolve("codebook.yml"), DemoResources.bytes("config/codebook.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StudyLoader().load(configDir, studyName);
  }
}
