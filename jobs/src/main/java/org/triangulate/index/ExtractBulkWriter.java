package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.function.Consumer;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each chunk of extracts through an {@link ExtractBulkIndexer} and waits for the chunk's
 * outcome before the step commits, so a restart resumes after the last chunk Elasticsearch holds. A
 * document Elasticsearch refuses is handed to the quarantine with its reason (and, when updating a
 * live index, its stale copy is deleted so it is not served); the others go on. The count of
 * quarantined documents survives restarts in the step's context ({@link #QUARANTINED}), and the
 * step's counts say what happened: written = indexed, write skips = quarantined.
 */
public class ExtractBulkWriter
    implements ItemWriter<ExtractDocument>, ItemStream, StepExecutionListener {

  /** Step (and, promoted, job) context key: documents quarantined by this step so far. */
  public static final String QUARANTINED = "extracts.quarantined";

  private final ElasticsearchClient client;
  private final String index;
  private final BulkSettings settings;
  private final Consumer<ExtractBulkIndexer.Rejection> quarantine;
  private final boolean deleteRejected;
  private ExtractBulkIndexer indexer;
  private long quarantined;
  private long quarantinedNow;

  /**
   * @param deleteRejected true when writing into the live index, where a refused update must not
   *     leave the previous version searchable
   */
  public ExtractBulkWriter(
      ElasticsearchClient client,
      String index,
      BulkSettings settings,
      Consumer<ExtractBulkIndexer.Rejection> quarantine,
      boolean deleteRejected) {
    this.client = client;
    this.index = index;
    this.settings = settings;
    this.quarantine = quarantine;
    this.deleteRejected = deleteRejected;
  }

  @Override
  public void open(ExecutionContext context) {
    quarantined = context.getLong(QUARANTINED, 0L);
    quarantinedNow = 0;
    indexer = new ExtractBulkIndexer(client, index, settings);
  }

  @Override
  public void write(Chunk<? extends ExtractDocument> chunk) throws InterruptedException {
    chunk.forEach(indexer::index);
    ExtractBulkIndexer.Outcome outcome = indexer.drain();
    for (ExtractBulkIndexer.Rejection rejection : outcome.rejected()) {
      quarantine.accept(rejection);
      if (deleteRejected) {
        indexer.delete(rejection.id());
      }
    }
    if (deleteRejected && !outcome.rejected().isEmpty()) {
      indexer.drain();
    }
    quarantined += outcome.rejected().size();
    quarantinedNow += outcome.rejected().size();
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(QUARANTINED, quarantined);
  }

  @Override
  public void close() {
    if (indexer != null) {
      indexer.close();
      indexer = null;
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    // Spring Batch counted every document handed to the writer as written.
    stepExecution.setWriteCount(stepExecution.getWriteCount() - quarantinedNow);
    stepExecution.setWriteSkipCount(stepExecution.getWriteSkipCount() + quarantinedNow);
    return stepExecution.getExitStatus();
  }
}
