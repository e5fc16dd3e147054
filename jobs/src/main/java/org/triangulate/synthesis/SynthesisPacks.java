package org.triangulate.synthesis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.triangulate.TriangulateProperties;
import org.triangulate.agreement.AgreementAppendix;
import org.triangulate.output.OutputFiles;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.PatternFamily;
import org.triangulate.stats.StudyStatistics;
import org.triangulate.study.Study;
import org.triangulate.workshop.WorkshopSaid;

/**
 * Writes every pack the study defines to {@code data-out/<study>/packs/<pack>/}: the pack's
 * patterns, strongest first, each as a joint display of numbers beside quotes per group. A pack
 * marked {@code per-case} is written once per case, as {@code <pack>-<case id>}. The same store,
 * index, configuration, run id and date give byte-identical files. Thread-safe.
 */
@Component
public class SynthesisPacks {

  /** Which inputs the packs in the folder were made from, and which packs those are. */
  static final String INPUTS_RECORD = ".inputs.sha256";

  private final Study study;
  private final StudyStatistics statistics;
  private final JdbcTemplate jdbc;
  private final PackWriter writer;
  private final JointDisplayBuilder displays;
  private final ItemTables itemTables;
  private final Findings findings;
  private final Path packsDirectory;
  private final Path agreementDirectory;
  private final Path studyConfigDir;

  SynthesisPacks(
      Study study,
      StudyStatistics statistics,
      JdbcTemplate jdbc,
      ElasticsearchClient client,
      ITemplateEngine templates,
      TriangulateProperties properties) {
    this.study = study;
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.writer = new PackWriter(templates);
    this.displays = new JointDisplayBuilder(study, new QuoteFinder(client, jdbc, study));
    this.itemTables = new ItemTables(study);
    this.findings = new Findings(study);
    this.packsDirectory = properties.studyOutput(study.name()).resolve("packs");
    this.agreementDirectory = properties.studyOutput(study.name()).resolve("agreement");
    this.studyConfigDir = properties.configDir().resolve(study.name());
  }

  /**
   * Writes every pack unless the packs folder already holds the packs of these very inputs (see
   * {@link org.triangulate.ingest.InputsFingerprint}): then every number and every quote would be
   * the same, and the night keeps them. Returns the folders written, none when kept.
   */
  public List<Path> writeAllUnlessCurrent(long runId, LocalDate runDate, String studyInputs) {
    // Workshop notes show in the packs but are not an input of the statistics: they join here.
    String inputs = studyInputs + WorkshopSaid.fingerprintSuffix(jdbc, study.name());
    Path record = packsDirectory.resolve(INPUTS_RECORD);
    if (isCurrent(record, inputs)) {
      return List.of();
    }
    deleteIfExists(record);
    List<Path> written = writeAll(runId, runDate);
    StringBuilder lines = new StringBuilder(inputs).append('\n');
    written.forEach(folder -> lines.append(folder.getFileName()).append('\n'));
    OutputFiles.writeReadable(record, out -> out.write(lines.toString()));
    return written;
  }

  private static boolean isCurrent(Path record, String inputs) {
    try {
      if (!Files.isRegularFile(record)) {
        return false;
      }
      List<String> lines = Files.readAllLines(record);
      return !lines.isEmpty()
          && lines.getFirst().equals(inputs)
          && lines.stream()
              .skip(1)
              .allMatch(folder ->
                  Files.isRegularFile(
                      record.resolveSibling(folder).resolve(PackWriter.CONTENT_FINGERPRINT)));
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file.toAbsolutePath(), e);
    }
  }

  /** Writes every pack; returns their folders in the order of {@code study.yml}. */
  public List<Path> writeAll(long runId, LocalDate runDate) {
    StudyStatistics.Results results = statistics.compute();
    WorkshopSaid said = WorkshopSaid.ifAny(jdbc, study.name(), results.patterns());
    PackProvenance provenance = PackProvenance.read(jdbc, study.name(), studyConfigDir);
    Map<String, List<ItemGroupStats>> byCase = null;
    List<Callable<Path>> packs = new ArrayList<>();
    for (Study.PackDefinition pack : study.packs()) {
      List<Pattern> patterns =
          results.patterns().stream()
              .filter(p -> belongsTo(p, pack))
              .sorted(Pattern.STRONGEST_FIRST)
              .toList();
      if (!pack.isPerCase()) {
        packs.add(() ->
            write(
                pack,
                pack.id(),
                pack.title(),
                null,
                patterns,
                results,
                runId,
                runDate,
                provenance,
                said));
        continue;
      }
      if (byCase == null) {
        byCase = statistics.itemsByCase();
      }
      for (Map.Entry<String, List<ItemGroupStats>> c : byCase.entrySet()) {
        JointDisplayBuilder.CaseScope scope =
            new JointDisplayBuilder.CaseScope(c.getKey(), c.getValue());
        packs.add(() ->
            write(
                pack,
                pack.id() + "-" + c.getKey(),
                pack.title() + ": " + c.getKey(),
                scope,
                patterns,
                results,
                runId,
                runDate,
                provenance,
                said));
      }
    }
    return writeInParallel(packs);
  }

  /** Packs are independent and rendering a PDF is CPU-bound: one pack per core at a time. */
  private static List<Path> writeInParallel(List<Callable<Path>> packs) {
    int threads = Math.max(1, Math.min(packs.size(), Runtime.getRuntime().availableProcessors()));
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Path>> futures = new ArrayList<>();
      packs.forEach(pack -> futures.add(pool.submit(pack)));
      List<Path> written = new ArrayList<>();
      for (Future<Path> future : futures) {
        written.add(future.get());
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing packs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  private Path write(
      Study.PackDefinition pack,
      String id,
      String title,
      JointDisplayBuilder.CaseScope scope,
      List<Pattern> patterns,
      StudyStatistics.Results results,
      long runId,
      LocalDate runDate,
      PackProvenance provenance,
      WorkshopSaid said) {
    List<JointDisplay> sections =
        patterns.stream().map(p -> displays.build(p, results.items(), scope)).toList();
    return writer.write(
        packsDirectory.resolve(id),
        new PackWriter.PackView(
            study.title(),
            id,
            title,
            scope == null ? null : scope.caseId(),
            runId,
            runDate,
            counts(scope == null ? null : scope.caseId()),
            pack.groupings().stream().map(study::groupingLabel).toList(),
            patternTypes(pack),
            sections,
            methodWithAgreement(),
            ItemTables.answerHeadings(),
            itemTables.tables(
                patterns.stream().map(Pattern::itemId).toList(), pack.groupings(), results.items()),
            provenance),
        said);
  }

  /** The method, then the night's agreement between coders (see {@link AgreementAppendix}). */
  private Map<String, String> methodWithAgreement() {
    Map<String, String> method = new LinkedHashMap<>(new PackMethod(study).describe());
    method.putAll(AgreementAppendix.lines(agreementDirectory));
    return method;
  }

  private static boolean belongsTo(Pattern pattern, Study.PackDefinition pack) {
    return pack.patternTypes().contains(pattern.family().name())
        && (pattern.family() != PatternFamily.VARIES_BY
            || pack.groupings().contains(pattern.grouping()));
  }

  /** Labels of the kinds of pattern a pack covers ({@code StudyLoader} checked the names). */
  private List<String> patternTypes(Study.PackDefinition pack) {
    List<String> labels = new ArrayList<>();
    for (String type : pack.patternTypes()) {
      PatternFamily family = PatternFamily.valueOf(type);
      if (family == PatternFamily.VARIES_BY) {
        pack.groupings().forEach(g -> labels.add(findings.typeLabel(family, g)));
      } else {
        labels.add(findings.typeLabel(family, null));
      }
    }
    return labels;
  }

  /** Cases, participants, transcripts and segments behind the pack (one case's, for feedback). */
  private Map<String, Long> counts(String caseId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    String inCase = caseId == null ? "" : " and case_id = ?";
    Object[] args =
        caseId == null ? new Object[] {study.name()} : new Object[] {study.name(), caseId};
    if (caseId == null) {
      counts.put("cases", count("select count(*) from study_case where study = ?", args));
    }
    counts.put(
        "participants", count("select count(*) from participant where study = ?" + inCase, args));
    counts.put(
        "transcripts",
        count(
            "select count(distinct s.participant_id) from segment s join participant p"
                + " on p.study = s.study and p.participant_id = s.participant_id where s.study = ?"
                + (caseId == null ? "" : " and p.case_id = ?"),
            args));
    counts.put(
        "segments",
        count(
            "select count(*) from segment s join participant p"
                + " on p.study = s.study and p.participant_id = s.participant_id where s.study = ?"
                + (caseId == null ? "" : " and p.case_id = ?"),
            args));
    return counts;
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
