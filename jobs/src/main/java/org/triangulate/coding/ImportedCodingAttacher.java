package org.triangulate.coding;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * Attaches every imported REFI-QDA coding to the segments its selection overlaps, replacing the
 * earlier imported codings (segments change when a transcript does). Provenance is the importing
 * tool ({@code imported:<tool>}), so the auto-coding step, which replaces only {@code rule:}
 * codings, leaves these alone. Counts selections read and codings written.
 */
public class ImportedCodingAttacher implements Tasklet {

  public static final String PROVENANCE_PREFIX = "imported:";

  private final JdbcTemplate jdbc;
  private final Study study;

  public ImportedCodingAttacher(JdbcTemplate jdbc, Study study) {
    this.jdbc = jdbc;
    this.study = study;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    String name = study.name();
    jdbc.update(
        "delete from coding where study = ? and provenance like ?", name, PROVENANCE_PREFIX + "%");
    Long selections =
        jdbc.queryForObject(
            "select count(*) from imported_selection where study = ?", Long.class, name);
    for (long i = 0; i < (selections == null ? 0 : selections); i++) {
      contribution.incrementReadCount();
    }
    // Overlap of [start, end) ranges on the same source; several selections of one category on one
    // segment are one coding.
    int written =
        jdbc.update(
            "insert into coding (study, segment_id, category, provenance, matched_terms)"
                + " select distinct g.study, g.segment_id, s.category, s.provenance, cast(null as varchar(1000))"
                + " from imported_selection s join segment g on g.study = s.study and g.source_id = s.source_id"
                + " and g.start_offset < s.end_offset and g.end_offset > s.start_offset"
                + " where s.study = ?",
            name);
    contribution.incrementWriteCount(written);
    return RepeatStatus.FINISHED;
  }
}
