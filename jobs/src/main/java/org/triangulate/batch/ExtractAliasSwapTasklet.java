package org.triangulate.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkIndexer;
import org.triangulate.index.ExtractBulkWriter;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.IndexedFingerprints;
import org.triangulate.study.Study;
import org.triangulate.workshop.WorkshopNoteDocuments;

/**
 * Publishes the night's index. An incremental run first deletes the documents of segments the store
 * no longer has (removed or re-segmented transcripts). Then, only when the index holds exactly the
 * store's segments less the quarantined ones and the store's workshop notes, a full rebuild moves
 * the alias to the new index (atomically); indices beyond the configured number to keep are
 * deleted.
 */
class ExtractAliasSwapTasklet implements Tasklet {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractAliasSwapTasklet.class);

  private final ExtractIndexAdmin admin;
  private final ElasticsearchClient client;
  private final JdbcTemplate jdbc;
  private final BulkSettings bulk;
  private final Study study;
  private final BuiltOutputs built;
  private final ExtractScope scope;

  ExtractAliasSwapTasklet(
      ExtractIndexAdmin admin,
      ElasticsearchClient client,
      JdbcTemplate jdbc,
      BulkSettings bulk,
      Study study,
      BuiltOutputs built,
      ExtractScope scope) {
    this.admin = admin;
    this.client = client;
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.study = study;
    this.built = built;
    this.scope = scope;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context)
      throws InterruptedException {
    ExecutionContext job =
        context.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    ExtractTarget target = ExtractTarget.of(job);
    String index = target.index();
    boolean incremental = target.incremental();
    long quarantined = job.getLong(ExtractBulkWriter.QUARANTINED, 0L);
    long storeSegments =
        jdbc.queryForObject(
            "select count(*) from segment where study = ?", Long.class, study.name());
    SourceSteps.Plan plan = scope.plan();
    Optional<List<String>> changed = target.sources();
    if (incremental) {
      long removed = changed.isPresent() ? deleteLeftOf(index, changed.get()) : deleteStale(index);
      LOG.info("Deleted {} documents of removed segments from {}", removed, index);
    }
    // Written before this step by the workshop notes' step: their own source kind, counted apart.
    long notes = WorkshopNoteDocuments.count(jdbc, study.name());
    long indexed = admin.refreshAndCount(index);
    long expected = storeSegments - quarantined + notes;
    if (indexed != expected) {
      throw new IllegalStateException(
          "Index "
              + index
              + " holds "
              + indexed
              + " documents but the store has "
              + storeSegments
              + " segments of which "
              + quarantined
              + " were quarantined, and "
              + notes
              + " workshop notes; "
              + (incremental ? "the live index needs a full rebuild" : "the alias was not moved")
              + " (rerun with --set triangulate.index.incremental=false)");
    }
    String content = job.getString(ExtractsUpToDateDecider.CONTENT_KEY, "");
    admin.recordContent(index, content);
    built.record(
        study.name(),
        ExtractsUpToDateDecider.OUTPUT,
        content,
        List.of(),
        context.getStepContext().getStepExecution().getJobExecutionId());
    if (!incremental) {
      admin.swapAlias(study.name(), index);
    }
    admin.deleteOldIndices(study.name());
    job.putString(
        ExtractsUpToDateDecider.OUTCOME_KEY,
        ExtractIndexMapping.alias(study.name())
            + " → "
            + index
            + (incremental ? " updated in place, " : " rebuilt, ")
            + indexed
            + " documents");
    if (quarantined == 0) {
      // A source with a quarantined document stays pending: the next night tries it again.
      scope.done(plan, changed.isPresent() ? changed.get() : plan.sources());
    }
    contribution.incrementWriteCount(indexed);
    return RepeatStatus.FINISHED;
  }

  /**
   * Deletes what is left of the changed sources' earlier documents, without reading the index's
   * other documents (only a night that removes no source names its changed sources).
   */
  private long deleteLeftOf(String index, List<String> changed) throws InterruptedException {
    Set<String> sources = NightlyJobConfiguration.opaqueIds(jdbc, study.name(), changed);
    List<String> keep = new java.util.ArrayList<>();
    for (String source : changed) {
      keep.addAll(
          jdbc.queryForList(
              "select segment_id from segment where study = ? and source_id = ?",
              String.class,
              study.name(),
              source));
    }
    return delete(index, admin.idsOfSourcesExcept(index, sources, keep));
  }

  private long deleteStale(String index) throws InterruptedException {
    Set<String> stale = new HashSet<>(IndexedFingerprints.of(client, index).keySet());
    jdbc.query(
        "select segment_id from segment where study = ?",
        rs -> {
          stale.remove(rs.getString(1));
        },
        study.name());
    WorkshopNoteDocuments.storedIds(jdbc, study.name()).forEach(stale::remove);
    return delete(index, stale);
  }

  private long delete(String index, java.util.Collection<String> stale)
      throws InterruptedException {
    if (stale.isEmpty()) {
      return 0;
    }
    try (ExtractBulkIndexer indexer = new ExtractBulkIndexer(client, index, bulk)) {
      stale.forEach(indexer::delete);
      ExtractBulkIndexer.Outcome outcome = indexer.drain();
      if (!outcome.rejected().isEmpty()) {
        throw new IllegalStateException(
            "Could not delete removed segments from " + index + ": " + outcome.rejected());
      }
      return outcome.deleted();
    }
  }
}
