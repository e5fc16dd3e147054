package org.triangulate.changes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.triangulate.output.OutputFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code changes.json} and {@code changes.html} (escaped by the template engine) into the
 * study's output folder, and the summary as {@code changes.txt} into the run's folder. A value that
 * did not exist on one night is {@code null} in the JSON. Thread-safe.
 */
public final class ChangesWriter {

  public static final String JSON_FILE = "changes.json";
  public static final String HTML_FILE = "changes.html";
  public static final String SUMMARY_FILE = "changes.txt";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ITemplateEngine templates;

  public ChangesWriter(ITemplateEngine templates) {
    this.templates = templates;
  }

  public void write(
      String studyTitle, NightChanges changes, Path studyDirectory, Path runDirectory) {
    OutputFiles.writeReadable(
        studyDirectory.resolve(JSON_FILE),
        out -> out.write(JSON.writeValueAsString(json(changes)) + "\n"));
    Context context = new Context();
    context.setVariable("studyTitle", studyTitle);
    context.setVariable("changes", changes);
    String html = templates.process("changes/index", context);
    OutputFiles.writeReadable(studyDirectory.resolve(HTML_FILE), out -> out.write(html));
    OutputFiles.writeString(
        runDirectory.resolve(SUMMARY_FILE), String.join("\n", changes.summary()) + "\n");
  }

  static Map<String, Object> json(NightChanges changes) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run", changes.run());
    root.put("previous_run", changes.previousRun());
    root.put("strength_threshold", changes.strengthThreshold());
    root.put("share_move", changes.shareMove());
    root.put("patterns_appeared", patterns(changes.appeared()));
    root.put("patterns_disappeared", patterns(changes.disappeared()));
    root.put("patterns_crossed_threshold", patterns(changes.crossed()));
    List<Map<String, Object>> items = new ArrayList<>();
    for (NightChanges.ItemChange i : changes.itemsMoved()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("item", i.itemId());
      item.put("in_place_before", number(i.before()));
      item.put("in_place_after", number(i.after()));
      item.put("answered", i.answered());
      items.add(item);
    }
    root.put("items_moved", items);
    List<Map<String, Object>> transcripts = new ArrayList<>();
    changes
        .newTranscripts()
        .forEach(t -> {
          Map<String, Object> transcript = new LinkedHashMap<>();
          transcript.put("participant", t.participantId());
          transcript.put("groups", t.groups());
          transcripts.add(transcript);
        });
    root.put("new_transcripts", transcripts);
    return root;
  }

  private static List<Map<String, Object>> patterns(List<NightChanges.PatternChange> changes) {
    List<Map<String, Object>> patterns = new ArrayList<>();
    for (NightChanges.PatternChange p : changes) {
      Map<String, Object> pattern = new LinkedHashMap<>();
      pattern.put("pattern", p.id());
      pattern.put("strength_before", number(p.before()));
      pattern.put("strength_after", number(p.after()));
      patterns.add(pattern);
    }
    return patterns;
  }

  private static Double number(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
