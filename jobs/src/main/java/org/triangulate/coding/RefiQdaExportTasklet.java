package org.triangulate.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.OutputFiles;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.study.Study;

/**
 * Exports the whole study's coding as {@code <export folder>/<study>.qdpx} (see {@link
 * RefiQdaExporter}) from the store: every source with its segments, every coding (rule and
 * imported), the codebook and the categories imported projects added. Replaces the earlier file in
 * one move. Counts sources read and selections written.
 */
public class RefiQdaExportTasklet implements Tasklet {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RefiQdaExportTasklet.class);

  private final JdbcTemplate jdbc;
  private final Study study;
  private final RefiQdaExporter exporter;
  private final Path exportDirectory;

  public RefiQdaExportTasklet(
      JdbcTemplate jdbc, Study study, ExportedSourceText sourceText, Path exportDirectory) {
    this.jdbc = jdbc;
    this.study = study;
    this.exporter = new RefiQdaExporter(sourceText);
    this.exportDirectory = exportDirectory;
  }

  public static Path file(Path exportDirectory, Study study) {
    return exportDirectory.resolve(study.name() + ".qdpx");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    RefiQdaExporter.Export export = export();
    Path file = OutputFiles.writeReadableBytes(file(exportDirectory, study), export.qdpx());
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

  /** The study's export as the store holds it now. */
  public RefiQdaExporter.Export export() {
    String name = study.name();
    Map<String, List<Segment>> segmentsOfSource = new HashMap<>();
    jdbc.query(
        SegmentStore.TRANSCRIBED_SEGMENTS_OF_STUDY,
        rs -> {
          Segment segment = SegmentStore.mapSegment(rs, 0);
          segmentsOfSource.computeIfAbsent(segment.sourceId(), s -> new ArrayList<>()).add(segment);
        },
        name);
    Map<String, String> caseOf = new HashMap<>();
    jdbc.query(
        "select participant_id, case_id from participant where study = ?",
        rs -> {
          caseOf.put(rs.getString(1), rs.getString(2));
        },
        name);
    List<RefiQdaExporter.ExportSource> sources =
        jdbc.query(
            "select source_id, participant_id, file_name, sha256, body from source where study = ?"
                + " order by participant_id, source_id",
            (rs, i) -> {
              SourceDocument source =
                  new SourceDocument(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5));
              return new RefiQdaExporter.ExportSource(
                  source,
                  caseOf.get(source.participantId()),
                  segmentsOfSource.getOrDefault(source.sourceId(), List.of()));
            },
            name);
    List<RefiQdaExporter.SegmentCoding> codings =
        jdbc.query(
            "select segment_id, category, provenance, matched_terms from coding where study = ?"
                + " order by segment_id, category, provenance",
            (rs, i) ->
                new RefiQdaExporter.SegmentCoding(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
            name);
    return exporter.export(study, importedCategories(), sources, codings);
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
