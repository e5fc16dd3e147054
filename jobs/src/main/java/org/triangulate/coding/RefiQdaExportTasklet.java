package org.triangulate.coding;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.fingerprint.RebuildNotes;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.nlp.DeidentifyTasklet;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.study.Study;

/**
 * Exports the whole study's coding as {@code <export folder>/<study>.qdpx} (see {@link
 * RefiQdaExporter}) from the store: every source with its segments, every coding (rule and
 * imported), the codebook and the categories imported projects added. Reads the store one source at
 * a time, so a study of any size exports in the same memory. Replaces the earlier file in one move.
 * Kept as it is when this store wrote it from the same content and it is still there and readable
 * (see {@link BuiltOutputs}); otherwise the run report says why it was written again. Counts
 * sources read and selections written.
 */
public class RefiQdaExportTasklet implements Tasklet {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RefiQdaExportTasklet.class);

  private final JdbcTemplate jdbc;
  private final SegmentStore segments;
  private final Study study;
  private final RefiQdaExporter exporter;
  private final Path exportDirectory;
  private final BuiltOutputs built;
  private final Supplier<String> content;
  private final SourceSteps steps;
  private final Supplier<String> settings;

  /**
   * @param content the fingerprint of everything the export is made of (the extracts' content)
   * @param settings a fingerprint of everything but the sources that shapes a source's part
   */
  public RefiQdaExportTasklet(
      JdbcTemplate jdbc,
      SegmentStore segments,
      Study study,
      ExportedSourceText sourceText,
      Path exportDirectory,
      BuiltOutputs built,
      Supplier<String> content,
      SourceSteps steps,
      Supplier<String> settings) {
    this.jdbc = jdbc;
    this.segments = segments;
    this.study = study;
    this.exporter = new RefiQdaExporter(sourceText);
    this.exportDirectory = exportDirectory;
    this.built = built;
    this.content = content;
    this.steps = steps;
    this.settings = settings;
  }

  /** The name the export's per-source parts go by in {@link SourceSteps} plans. */
  public static final String STEP = "export";

  /** The export's name in the store's record of built outputs. */
  public static final String OUTPUT = "export";

  public static Path file(Path exportDirectory, Study study) {
    return exportDirectory.resolve(study.name() + ".qdpx");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Path file = file(exportDirectory, study);
    String fingerprint = content.get();
    Optional<String> why = built.whyRebuild(study.name(), OUTPUT, fingerprint);
    if (why.isEmpty()) {
      LOG.info("REFI-QDA export {} kept: written from the same content", file);
      return RepeatStatus.FINISHED;
    }
    built.forget(study.name(), OUTPUT);
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    RebuildNotes.note(job.getExecutionContext(), "REFI-QDA export", why.get());
    RefiQdaExporter.Export export =
        exporter.export(
            study, importedCategories(), provenances(), this::sources, storedParts(), file);
    jdbc.update(
        "delete from export_source where study = ? and not exists (select 1 from source s"
            + " where s.study = export_source.study and s.source_id = export_source.source_id)",
        study.name());
    for (int i = 0; i < export.sources(); i++) {
      contribution.incrementReadCount();
    }
    contribution.incrementWriteCount(export.selections());
    LOG.info(
        "REFI-QDA export {}: {} sources, {} coded selections, {} codings",
        file,
        export.sources(),
        export.selections(),
        export.codings());
    built.record(study.name(), OUTPUT, fingerprint, List.of(file), job.getId());
    return RepeatStatus.FINISHED;
  }

  private record SourceOfCase(String sourceId, String caseId) {}

  /**
   * The parts of sources as the store keeps them from earlier exports, for sources whose
   * de-identified text and codings are what they were made from; none in a full night.
   */
  private RefiQdaExporter.SourceParts storedParts() {
    SourceSteps.Plan plan =
        steps.plan(
            study.name(),
            STEP,
            settings.get(),
            List.of(DeidentifyTasklet.STEP, AutoCodingTasklet.STEP));
    Map<String, String> keys = new java.util.HashMap<>();
    plan.inputs()
        .forEach((source, inputs) -> keys.put(source, Fingerprint.of(plan.settings(), inputs)));
    boolean reuse = built.incremental();
    return new RefiQdaExporter.SourceParts() {
      @Override
      public Optional<RefiQdaExporter.SourcePart> find(String sourceId) {
        if (!reuse) {
          return Optional.empty();
        }
        return jdbc
            .query(
                "select fragment, exported, selections, codings from export_source"
                    + " where study = ? and source_id = ? and inputs = ?",
                (rs, i) ->
                    new RefiQdaExporter.SourcePart(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                study.name(),
                sourceId,
                partKey(keys, sourceId))
            .stream()
            .findFirst();
      }

      @Override
      public void keep(String sourceId, RefiQdaExporter.SourcePart part) {
        jdbc.update(
            "delete from export_source where study = ? and source_id = ?", study.name(), sourceId);
        jdbc.update(
            "insert into export_source (study, source_id, inputs, fragment, exported, selections,"
                + " codings) values (?, ?, ?, ?, ?, ?, ?)",
            study.name(),
            sourceId,
            partKey(keys, sourceId),
            part.fragment(),
            part.text(),
            part.selections(),
            part.codings());
      }
    };
  }

  /**
   * What a source's part is made of: its de-identified text and rule codings (by their records),
   * the settings, and every coding it carries now (item alignments included, which no record
   * tracks).
   */
  private String partKey(Map<String, String> keys, String sourceId) {
    List<String> codings = new java.util.ArrayList<>();
    withItemAlignments(sourceId)
        .forEach(c ->
            codings.addAll(
                java.util.Arrays.asList(
                    c.segmentId(), c.category(), c.provenance(), c.matchedTerms())));
    return Fingerprint.of(keys.getOrDefault(sourceId, ""), Fingerprint.of(codings));
  }

  /** The study's sources in export order, each read from the store only if its turn comes. */
  private Iterator<RefiQdaExporter.StudySource> sources() {
    String name = study.name();
    List<SourceOfCase> sources =
        jdbc.query(
            "select s.source_id, p.case_id from source s left join participant p"
                + " on p.study = s.study and p.participant_id = s.participant_id"
                + " where s.study = ? order by s.participant_id, s.source_id",
            (rs, i) -> new SourceOfCase(rs.getString(1), rs.getString(2)),
            name);
    return sources.stream()
        .map(s ->
            (RefiQdaExporter.StudySource)
                new RefiQdaExporter.StudySource() {
                  @Override
                  public String sourceId() {
                    return s.sourceId();
                  }

                  @Override
                  public RefiQdaExporter.ExportSource read() {
                    return new RefiQdaExporter.ExportSource(
                        segments.source(name, s.sourceId()),
                        s.caseId(),
                        segments.segments(name, s.sourceId()),
                        withItemAlignments(s.sourceId()));
                  }
                })
        .iterator();
  }

  /** The source's codings, then its item alignments as codings of {@code item:<id>}. */
  private List<RefiQdaExporter.SegmentCoding> withItemAlignments(String sourceId) {
    List<RefiQdaExporter.SegmentCoding> codings =
        new java.util.ArrayList<>(StoredCodings.ofSource(jdbc, study.name(), sourceId));
    codings.addAll(
        StoredCodings.itemAlignmentsOfSource(
            jdbc, study.name(), sourceId, study.alignment().quoteMinScore()));
    return codings;
  }

  /** Every provenance the study's codings and item alignments have (the project's users). */
  private List<String> provenances() {
    List<String> provenances =
        new java.util.ArrayList<>(
            jdbc.queryForList(
                "select distinct provenance from coding where study = ?",
                String.class,
                study.name()));
    provenances.addAll(
        jdbc.queryForList(
            "select distinct provenance from item_alignment where study = ?",
            String.class,
            study.name()));
    return provenances;
  }

  /** Categories imported projects added to the study's codebook, once each. */
  private List<RefiQdaExporter.ImportedCategory> importedCategories() {
    Map<String, RefiQdaExporter.ImportedCategory> imported = new LinkedHashMap<>();
    jdbc.query(
        "select category, theme, description from imported_code where study = ? and codable = true"
            + " order by category, project_file, code_guid",
        rs -> {
          String category = rs.getString(1);
          boolean inCodebook = study.codebook().categories().anyMatch(c -> c.id().equals(category));
          if (!inCodebook) {
            imported.putIfAbsent(
                category,
                new RefiQdaExporter.ImportedCategory(category, rs.getString(2), rs.getString(3)));
          }
        },
        study.name());
    return List.copyOf(imported.values());
  }
}
