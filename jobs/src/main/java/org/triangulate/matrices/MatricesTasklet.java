package org.triangulate.matrices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.ITemplateEngine;
import org.triangulate.study.Study;

/**
 * Writes the framework matrix and the presence matrices to {@code data-out/<study>/matrices/}, a
 * path that stays the same every night. Columns are the codebook's categories, then categories only
 * an imported codebook has (with no items, so no in-place share). Counts participants read and
 * files written.
 */
public class MatricesTasklet implements Tasklet {

  /** Quotes per framework cell. */
  static final int QUOTES_PER_CELL = 2;

  private final JdbcTemplate jdbc;
  private final Study study;
  private final FrameworkMatrixWriter writer;
  private final Path directory;
  private final String searchBase;

  /**
   * @param searchBase the search page's address, e.g. {@code http://127.0.0.1:8080/}
   */
  public MatricesTasklet(
      JdbcTemplate jdbc,
      Study study,
      ITemplateEngine templates,
      Path directory,
      String searchBase) {
    this.jdbc = jdbc;
    this.study = study;
    this.writer = new FrameworkMatrixWriter(templates);
    this.directory = directory;
    this.searchBase = searchBase;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
    MatrixInputs inputs =
        new MatrixInputsLoader(jdbc, study.quotes().minChars(), study.quotes().maxChars())
            .load(study.name());
    inputs.participants().forEach(p -> contribution.incrementReadCount());
    List<FrameworkMatrix.Column> columns = columns();
    FrameworkMatrix matrix = FrameworkMatrix.of(inputs, columns, QUOTES_PER_CELL, searchBase);
    writer.write(new FrameworkMatrixWriter.View(study.title(), runId, matrix), directory);
    PresenceMatrices.write(
        inputs,
        columns.stream().map(FrameworkMatrix.Column::categoryId).toList(),
        study.caseAttributes().stream().map(Study.Attribute::id).toList(),
        study.participantAttributes().stream().map(Study.Attribute::id).toList(),
        directory);
    contribution.incrementWriteCount(4);
    return RepeatStatus.FINISHED;
  }

  private List<FrameworkMatrix.Column> columns() {
    Map<String, FrameworkMatrix.Column> columns = new LinkedHashMap<>();
    study
        .codebook()
        .categories()
        .forEach(
            c -> columns.put(c.id(), new FrameworkMatrix.Column(c.id(), c.label(), c.items())));
    jdbc.query(
        "select category, min(name) from imported_code where study = ? and codable = true"
            + " group by category order by category",
        rs -> {
          columns.putIfAbsent(
              rs.getString(1),
              new FrameworkMatrix.Column(rs.getString(1), rs.getString(2), List.of()));
        },
        study.name());
    return new ArrayList<>(columns.values());
  }
}
