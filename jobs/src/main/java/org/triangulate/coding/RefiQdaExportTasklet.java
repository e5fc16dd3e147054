package org.triangulate.coding;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.study.Study;

/**
 * Exports the whole study's coding as {@code <export folder>/<study>.qdpx} (see {@link
 * RefiQdaExporter}) from the store: every source with its segments, every coding (rule and
 * imported), the codebook and the categories imported projects added. Reads the store one source at
 * a time, so a study of any size exports in the same memory. Replaces the earlier file in one move.
 * Counts sources read and selections written.
 */
public class RefiQdaExportTasklet implements Tasklet {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RefiQdaExportTasklet.class);

  private final JdbcTemplate jdbc;
  private final SegmentStore segments;
  private final Study study;
  private final RefiQdaExporter exporter;
  private final Path exportDirectory;

  public RefiQdaExportTasklet(
      JdbcTemplate jdbc,
      SegmentStore segments,
      Study study,
      ExportedSourceText sourceText,
      Path exportDirectory) {
    this.jdbc = jdbc;
    this.segments = segments;
    this.study = study;
    this.exporter = new RefiQdaExporter(sourceText);
    this.exportDirectory = exportDirectory;
  }

  public static Path file(Path exportDirectory, Study study) {
    return exportDirectory.resolve(study.name() + ".qdpx");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Path file = file(exportDirectory, study);
    RefiQdaExporter.Export export =
        exporter.export(study, importedCategories(), provenances(), this::sources, file);
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
    return RepeatStatus.FINISHED;
  }

  private record SourceOfCase(String sourceId, String caseId) {}

  /** The study's sources in export order, each read from the store only when its turn comes. */
  private Iterator<RefiQdaExporter.ExportSource> sources() {
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
            new RefiQdaExporter.ExportSource(
                segments.source(name, s.sourceId()),
                s.caseId(),
                segments.segments(name, s.sourceId()),
                withItemAlignments(s.sourceId())))
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
