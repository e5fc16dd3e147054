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
    return write(configDir, studyName, null, null);
  }

  /**
   * With {@code second} (a second language's identifying details), the study also declares that
   * language and its country, after English and Britain. With {@code guide} (the phrase bank the
   * interviews are written from), each item lists as its {@code prompts:} the first of the bank's
   * questions about it, as a topic guide would: interviewers ask it in those words or another.
   */
  static Study write(Path configDir, String studyName, LocalIdentifiers second, PhraseBank guide) {
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
      if (guide != null) {
        named = withPrompts(named, guide);
      }
      Files.writeString(dir.resolve("study.yml"), named);
      Files.write(dir.resolve("codebook.yml"), DemoResources.bytes("config/codebook.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StudyLoader().load(configDir, studyName);
  }

  private static final java.util.regex.Pattern ITEM_ID =
      java.util.regex.Pattern.compile("^  - id: (\\S+)$");

  /** The study's text with {@code prompts:} after each item's {@code text:} line. */
  private static String withPrompts(String studyYml, PhraseBank guide) {
    StringBuilder out = new StringBuilder();
    String item = null;
    for (String line : studyYml.split("\n", -1)) {
      java.util.regex.Matcher id = ITEM_ID.matcher(line);
      if (id.matches()) {
        item = id.group(1);
      }
      out.append(line).append('\n');
      PhraseBank.Topic topic = item == null ? null : guide.topics().get(item);
      if (topic != null && line.startsWith("    text: ")) {
        out.append("    prompts:\n      - ")
            .append(YamlText.flow(topic.prompts().getFirst()))
            .append('\n');
        item = null;
      }
    }
    return out.substring(0, out.length() - 1);
  }
}
