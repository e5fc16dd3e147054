package org.triangulate.batch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.triangulate.align.ItemAlignmentTasklet;
import org.triangulate.coding.AutoCodingTasklet;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.nlp.DeidentifyTasklet;
import org.triangulate.study.Study;

/**
 * Which sources tonight's index step writes: every source (a new index, changed settings, a full
 * night, or a live index that does not hold what the store expects), or only those whose
 * de-identified text, codings or item alignments changed, plus the documents left of removed
 * transcripts. Kept in the job's context between the steps that plan, write and verify the index. A
 * document carries its segment's item alignments too, so a source re-aligned tonight is written
 * again.
 */
final class ExtractScope {

  /** The step's name in {@link SourceSteps}. */
  static final String STEP = "index";

  static final String KEY = "extractSources";
  private static final String EVERY_SOURCE = "*";

  private final SourceSteps steps;
  private final Study study;
  private final Supplier<String> settings;

  ExtractScope(SourceSteps steps, Study study, Supplier<String> settings) {
    this.steps = steps;
    this.study = study;
    this.settings = settings;
  }

  SourceSteps.Plan plan() {
    return steps.plan(
        study.name(),
        STEP,
        settings.get(),
        List.of(DeidentifyTasklet.STEP, AutoCodingTasklet.STEP, ItemAlignmentTasklet.STEP));
  }

  /** The sources whose documents the live index still holds though their transcript is gone. */
  List<String> removed() {
    return steps.removed(study.name(), STEP);
  }

  static String everySource() {
    return EVERY_SOURCE;
  }

  static String only(java.util.Collection<String> sources) {
    return String.join("\n", sources);
  }

  /** The sources a job context names; empty for every source. */
  static Optional<List<String>> of(String value) {
    if (value == null || value.equals(EVERY_SOURCE)) {
      return Optional.empty();
    }
    return Optional.of(value.isEmpty() ? List.of() : Arrays.asList(value.split("\n")));
  }

  /** Records that the index holds tonight's documents of {@code sources}. */
  void done(SourceSteps.Plan plan, Iterable<String> sources) {
    for (String source : sources) {
      steps.done(study.name(), plan, source, plan.inputs().get(source));
    }
    steps.forgetRemoved(study.name(), STEP);
  }
}
