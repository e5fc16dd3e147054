package org.triangulate.fingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which sources each per-source step has processed, and from what (table {@code source_step}), so a
 * night processes only the sources that changed. For a source and a step the store keeps the step's
 * settings, the fingerprint of its inputs for that source (the outputs of the steps it reads, see
 * {@link #plan}) and the fingerprint of what it wrote, which later steps read as their input. A
 * source is pending for a step when it has no record, the settings differ, or its inputs changed.
 *
 * <p>The first step, annotation, is kept in the {@code source} table itself: its output is the
 * source's checksum and the annotation settings it was annotated with ({@link #ANNOTATE}). A step
 * that adds itself (for instance one that computes something for every segment) picks a name, names
 * the steps it reads and records each source it finished. Thread-safe.
 */
@Component
public class SourceSteps {

  /** The annotation of a source, as an input to the steps after it. */
  public static final String ANNOTATE = "annotate";

  private final JdbcTemplate jdbc;

  public SourceSteps(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What a step has to do tonight.
   *
   * @param sources every source of the study, in source order
   * @param inputs the fingerprint of each source's inputs tonight, to record when done
   * @param pending the sources to process, in source order
   */
  public record Plan(
      String step,
      String settings,
      List<String> sources,
      Map<String, String> inputs,
      Set<String> pending) {

    public boolean everything() {
      return pending.size() == sources.size();
    }

    /** The same plan with every source pending (a full night). */
    public Plan all() {
      return new Plan(step, settings, sources, inputs, new TreeSet<>(sources));
    }

    /** The same plan with {@code more} sources pending too. */
    public Plan with(Set<String> more) {
      Set<String> all = new TreeSet<>(pending);
      more.stream().filter(inputs::containsKey).forEach(all::add);
      return new Plan(step, settings, sources, inputs, all);
    }
  }

  private record Row(String settings, String inputs, String output) {}

  /**
   * The plan of {@code step} with the settings {@code settingsText} (any text: it is
   * fingerprinted), reading the outputs of the {@code upstream} steps.
   */
  public Plan plan(String study, String step, String settingsText, List<String> upstream) {
    String settings = Fingerprint.of(settingsText);
    Map<String, String> annotated = new LinkedHashMap<>();
    jdbc.query(
        "select source_id, annotated_sha256, annotated_with from source where study = ?"
            + " order by source_id",
        rs -> {
          annotated.put(rs.getString(1), Fingerprint.of(rs.getString(2), rs.getString(3)));
        },
        study);
    Map<String, Map<String, Row>> rows = rows(study);
    Map<String, String> inputs = new LinkedHashMap<>();
    Set<String> pending = new TreeSet<>();
    for (String source : annotated.keySet()) {
      Map<String, Row> ofSource = rows.getOrDefault(source, Map.of());
      List<String> parts = new ArrayList<>();
      for (String before : upstream) {
        parts.add(
            before.equals(ANNOTATE)
                ? annotated.get(source)
                : ofSource.containsKey(before) ? ofSource.get(before).output() : "");
      }
      String input = Fingerprint.of(parts);
      inputs.put(source, input);
      Row own = ofSource.get(step);
      if (own == null || !own.settings().equals(settings) || !own.inputs().equals(input)) {
        pending.add(source);
      }
    }
    return new Plan(step, settings, List.copyOf(annotated.keySet()), inputs, pending);
  }

  private Map<String, Map<String, Row>> rows(String study) {
    Map<String, Map<String, Row>> rows = new HashMap<>();
    jdbc.query(
        "select source_id, step_name, settings, inputs, output from source_step where study = ?",
        rs -> {
          rows.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
              .put(rs.getString(2), new Row(rs.getString(3), rs.getString(4), rs.getString(5)));
        },
        study);
    return rows;
  }

  /** Records that the plan's step processed {@code source}, writing what {@code output} sums up. */
  public void done(String study, Plan plan, String source, String output) {
    jdbc.update(
        "delete from source_step where study = ? and source_id = ? and step_name = ?",
        study,
        source,
        plan.step());
    jdbc.update(
        "insert into source_step (study, source_id, step_name, settings, inputs, output)"
            + " values (?, ?, ?, ?, ?, ?)",
        study,
        source,
        plan.step(),
        plan.settings(),
        plan.inputs().get(source),
        output);
  }

  /**
   * Sources a step processed that the store no longer holds (their transcript was removed); their
   * records are dropped by {@link #forgetRemoved}.
   */
  public List<String> removed(String study, String step) {
    return jdbc.queryForList(
        "select t.source_id from source_step t where t.study = ? and t.step_name = ?"
            + " and not exists (select 1 from source s where s.study = t.study"
            + " and s.source_id = t.source_id) order by t.source_id",
        String.class,
        study,
        step);
  }

  public void forgetRemoved(String study, String step) {
    jdbc.update(
        "delete from source_step where study = ? and step_name = ? and not exists (select 1 from"
            + " source s where s.study = source_step.study and s.source_id = source_step.source_id)",
        study,
        step);
  }
}
