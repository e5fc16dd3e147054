package org.triangulate.synthesis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.triangulate.TriangulateProperties;
import org.triangulate.agreement.AgreementAppendix;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.Fingerprint;
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

  /** The packs' name in the store's record of built outputs. */
  static final String OUTPUT = "packs";

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
   * What a night did with the packs: every pack's folder, those of them rendered again (the others
   * held the same content already), and why the packs were looked at, if they were.
   */
  public record Outcome(List<Path> written, List<Path> rendered, Optional<String> rebuiltBecause) {}

  /**
   * Writes every pack unless this store wrote the packs of these very inputs (see {@link
   * org.triangulate.fingerprint.InputsFingerprint}) and their files are all still there and
   * readable: then every number and every quote would be the same, and the night keeps them.
   * Otherwise only packs whose content changed or whose files are missing are rendered again; all
   * of them when this store has no record of writing packs (old folders copied from elsewhere are
   * never taken for its own).
   */
  public Outcome writeAllUnlessCurrent(
      long runId, LocalDate runDate, String studyInputs, BuiltOutputs built) {
    // Workshop notes show in the packs but are not an input of the statistics: they join here.
    String inputs =
        Fingerprint.of(studyInputs + WorkshopSaid.fingerprintSuffix(jdbc, study.name()));
    Optional<String> why = built.whyRebuild(study.name(), OUTPUT, inputs);
    if (why.isEmpty()) {
      return new Outcome(List.of(), List.of(), why);
    }
    boolean ours = built.has(study.name(), OUTPUT);
    built.forget(study.name(), OUTPUT);
    Set<Path> rendered = ConcurrentHashMap.newKeySet();
    List<Path> written = writeAll(runId, runDate, !ours, rendered);
    List<Path> files = new ArrayList<>();
    written.forEach(folder -> PackWriter.FILES.forEach(f -> files.add(folder.resolve(f))));
    built.record(study.name(), OUTPUT, inputs, files, runId);
    return new Outcome(written, written.stream().filter(rendered::contains).toList(), why);
  }

  /** Writes every pack; returns their folders in the order of {@code study.yml}. */
  public List<Path> writeAll(long runId, LocalDate runDate) {
    return writeAll(runId, runDate, false, ConcurrentHashMap.newKeySet());
  }

  /**
   * As {@link #writeAll(long, LocalDate)}, rendering even packs whose folder looks current when
   * {@code evenIfCurrent}; adds the folders it rendered to {@code rendered}.
   */
  private List<Path> writeAll(
      long runId, LocalDate runDate, boolean evenIfCurrent, Set<Path> rendered) {
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
                said,
                evenIfCurrent,
                rendered));
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
                said,
                evenIfCurrent,
                rendered));
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
      WorkshopSaid said,
      boolean evenIfCurrent,
      Set<Path> rendered) {
    List<JointDisplay> sections =
        patterns.stream().map(p -> displays.build(p, results.items(), scope)).toList();
    Path folder = packsDirectory.resolve(id);
    boolean wrote =
        writer.render(
            folder,
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
                    patterns.stream().map(Pattern::itemId).toList(),
                    pack.groupings(),
                    results.items()),
                provenance),
            said,
            evenIfCurrent);
    if (wrote) {
      rendered.add(folder);
    }
    return folder;
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
