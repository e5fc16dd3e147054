package org.triangulate.align;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.study.Study;

/**
 * The alignment step's study-wide part, run by the step that hands out the partitions (never by a
 * partition, which sees only its sources): before them, the alignments of segments that are gone
 * are removed; after them, the records of removed sources are forgotten and the items that no
 * segment is aligned to (at the quote threshold) are logged and kept in the step's context for the
 * run report. Stateless.
 */
public class ItemAlignmentStepListener implements StepExecutionListener {

  /** Step context key: the ids of items without any aligned segment, comma separated. */
  public static final String UNALIGNED_ITEMS = "unalignedItems";

  private static final Logger LOG = LoggerFactory.getLogger(ItemAlignmentStepListener.class);

  private final JdbcTemplate jdbc;
  private final Study study;
  private final SourceSteps steps;

  public ItemAlignmentStepListener(JdbcTemplate jdbc, Study study, SourceSteps steps) {
    this.jdbc = jdbc;
    this.study = study;
    this.steps = steps;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    jdbc.update(
        "delete from item_alignment where study = ? and not exists (select 1 from segment s"
            + " where s.study = item_alignment.study and s.segment_id = item_alignment.segment_id)",
        study.name());
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
      return null;
    }
    steps.forgetRemoved(study.name(), ItemAlignmentTasklet.STEP);
    List<String> unaligned = UnalignedItems.of(jdbc, study);
    if (!unaligned.isEmpty()) {
      LOG.warn(
          "No segment is aligned to {} item(s) at quote-min-score {}: {}",
          unaligned.size(),
          study.alignment().quoteMinScore(),
          String.join(", ", unaligned));
    }
    stepExecution.getExecutionContext().putString(UNALIGNED_ITEMS, String.join(",", unaligned));
    return null;
  }
}
