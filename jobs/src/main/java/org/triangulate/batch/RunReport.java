package org.triangulate.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a run did, step by step, and for every input how many records were read, loaded and
 * quarantined (read = loaded + quarantined always holds; a step that keeps unchanged input counts
 * it as loaded). {@code outputs} lists only outputs that exist when the run ends; {@code rebuilt}
 * says which of them the run built again and why. Immutable.
 */
public record RunReport(
    long runId,
    String study,
    String status,
    String failure,
    LocalDateTime started,
    LocalDateTime ended,
    List<StepLine> steps,
    List<InputLine> inputs,
    Map<String, String> outputs,
    List<LanguageLine> languages,
    Map<String, String> rebuilt,
    List<String> unalignedItems) {

  public RunReport {
    steps = List.copyOf(steps);
    inputs = List.copyOf(inputs);
    outputs = Map.copyOf(outputs);
    languages = languages == null ? List.of() : List.copyOf(languages);
    rebuilt = rebuilt == null ? Map.of() : Map.copyOf(rebuilt);
    unalignedItems = unalignedItems == null ? List.of() : List.copyOf(unalignedItems);
  }

  /** A report without the transcripts' languages. */
  public RunReport(
      long runId,
      String study,
      String status,
      String failure,
      LocalDateTime started,
      LocalDateTime ended,
      List<StepLine> steps,
      List<InputLine> inputs,
      Map<String, String> outputs) {
    this(
        runId, study, status, failure, started, ended, steps, inputs, outputs, List.of(), Map.of(),
        List.of());
  }

  /**
   * A staged transcript's language (what it is annotated in) and the shares of the languages seen
   * in it; the transcript by its opaque source id, never its file's name.
   */
  public record LanguageLine(String source, String language, String shares) {}

  /** Counts of one step execution. */
  public record StepLine(
      String step,
      String status,
      long read,
      long written,
      long filtered,
      long skipped,
      double seconds) {}

  /**
   * One input's records: read = loaded + quarantined. {@code status} is {@code loaded}, {@code
   * unchanged} (skipped by checksum; its last counts), {@code missing} or {@code removed}; {@code
   * notes} say what was tolerated (encoding, wide form, what a REFI-QDA import left aside).
   */
  public record InputLine(
      String input,
      String file,
      String sha256,
      String status,
      long read,
      long loaded,
      long quarantined,
      String notes) {}

  static List<StepLine> stepLines(List<StepExecution> steps) {
    List<StepLine> lines = new ArrayList<>();
    for (StepExecution step : steps) {
      Duration took =
          step.getStartTime() == null || step.getEndTime() == null
              ? Duration.ZERO
              : Duration.between(step.getStartTime(), step.getEndTime());
      lines.add(
          new StepLine(
              step.getStepName(),
              step.getStatus().name(),
              step.getReadCount() + step.getReadSkipCount(),
              step.getWriteCount(),
              step.getFilterCount(),
              step.getSkipCount(),
              took.toMillis() / 1000.0));
    }
    return lines;
  }

  public boolean succeeded() {
    return "COMPLETED".equals(status);
  }

  /** The report as people read it at the end of a run. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(runId).append(" of study ").append(study).append(": ").append(status);
    if (started != null && ended != null) {
      out.append(" in ").append(Duration.between(started, ended).toSeconds()).append(" s");
    }
    out.append('\n');
    if (failure != null && !failure.isBlank()) {
      out.append("  ").append(failure.lines().findFirst().orElse("")).append('\n');
    }
    out.append(
        String.format(
            "%nInputs%n  %-24s %8s %8s %12s  %s%n",
            "file", "read", "loaded", "quarantined", "status"));
    for (InputLine in : inputs) {
      out.append(
          String.format(
              "  %-24s %8d %8d %12d  %s%n",
              in.file(), in.read(), in.loaded(), in.quarantined(), in.status()));
      if (in.notes() != null && !in.notes().isBlank()) {
        out.append("      ").append(in.notes()).append('\n');
      }
    }
    out.append(
        String.format(
            "%nSteps%n  %-42s %-10s %8s %8s %8s %8s %8s%n",
            "step", "status", "read", "written", "filtered", "skipped", "seconds"));
    for (StepLine s : steps) {
      out.append(
          String.format(
              "  %-42s %-10s %8d %8d %8d %8d %8.1f%n",
              s.step(), s.status(), s.read(), s.written(), s.filtered(), s.skipped(), s.seconds()));
    }
    if (!languages.isEmpty()) {
      // Transcripts wholly in their language are counted; the others are listed with their shares
      // (report.json lists every one).
      out.append("\nLanguages of the staged transcripts (languages seen, by share)\n");
      Map<String, List<LanguageLine>> byLanguage = new java.util.TreeMap<>();
      languages.forEach(
          l -> byLanguage.computeIfAbsent(l.language(), k -> new ArrayList<>()).add(l));
      byLanguage.forEach((language, lines) -> {
        List<LanguageLine> mixed =
            lines.stream().filter(l -> !l.shares().equals(language + " 100 %")).toList();
        out.append(
            String.format(
                "  %-4s %4d transcripts, %d wholly %s%n",
                language, lines.size(), lines.size() - mixed.size(), language));
        mixed.forEach(l -> out.append(String.format("         %s (%s)%n", l.source(), l.shares())));
      });
    }
    if (!outputs.isEmpty()) {
      out.append("\nOutputs\n");
      outputs.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.append(String.format("  %-18s %s%n", e.getKey(), e.getValue())));
    }
    if (!unalignedItems.isEmpty()) {
      out.append("\nItems no segment is aligned to (their rows show no matching extract)\n  ")
          .append(String.join(", ", unalignedItems))
          .append('\n');
    }
    if (!rebuilt.isEmpty()) {
      out.append("\nBuilt again\n");
      rebuilt.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.append(String.format("  %-18s %s%n", e.getKey(), e.getValue())));
    }
    return out.toString();
  }
}
