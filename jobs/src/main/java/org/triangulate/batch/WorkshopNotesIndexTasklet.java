package org.triangulate.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.study.Study;
import org.triangulate.workshop.WorkshopNoteDocuments;

/**
 * Makes an extracts index hold exactly the store's workshop notes, as documents of their own source
 * kind: writes every stored note, deletes the notes the store no longer has, then checks the count.
 * Runs twice a night when the extracts are rebuilt: into the night's index before the alias moves
 * (so the swap's count check includes the notes), and behind the alias once tonight's notes are
 * ingested, which is also what keeps the notes current on a night the extracts are kept.
 */
class WorkshopNotesIndexTasklet implements Tasklet {

  private static final Logger LOG = LoggerFactory.getLogger(WorkshopNotesIndexTasklet.class);

  private final ExtractIndexAdmin admin;
  private final ElasticsearchClient client;
  private final JdbcTemplate jdbc;
  private final BulkSettings bulk;
  private final Study study;
  private final Function<ExecutionContext, String> target;

  /**
   * @param target the index to write, from the job's context
   */
  WorkshopNotesIndexTasklet(
      ExtractIndexAdmin admin,
      ElasticsearchClient client,
      JdbcTemplate jdbc,
      BulkSettings bulk,
      Study study,
      Function<ExecutionContext, String> target) {
    this.admin = admin;
    this.client = client;
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.study = study;
    this.target = target;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context)
      throws InterruptedException {
    ExecutionContext job =
        context.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    long runId = context.getStepContext().getStepExecution().getJobExecutionId();
    String index = target.apply(job);
    List<ExtractDocument> notes = WorkshopNoteDocuments.of(jdbc, study, runId);
    Set<String> gone = new HashSet<>(admin.idsOfKind(index, ExtractDocument.WORKSHOP));
    notes.forEach(n -> gone.remove(n.id()));
    try (ExtractBulkIndexer indexer = new ExtractBulkIndexer(client, index, bulk)) {
      notes.forEach(indexer::index);
      gone.forEach(indexer::delete);
      ExtractBulkIndexer.Outcome outcome = indexer.drain();
      if (!outcome.rejected().isEmpty()) {
        throw new IllegalStateException(
            "Could not write workshop notes to " + index + ": " + outcome.rejected());
      }
    }
    long indexed = admin.refreshAndCount(index, ExtractDocument.WORKSHOP);
    if (indexed != notes.size()) {
      throw new IllegalStateException(
          "Index "
              + index
              + " holds "
              + indexed
              + " workshop notes but the store has "
              + notes.size());
    }
    LOG.info("{} workshop notes in {} ({} removed)", notes.size(), index, gone.size());
    contribution.incrementWriteCount(notes.size());
    return RepeatStatus.FINISHED;
  }
}
