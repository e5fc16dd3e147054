package org.triangulate.batch;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.InputsFingerprint;
import org.triangulate.fingerprint.RebuildNotes;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.ingest.StructuredInput;
import org.triangulate.study.Study;

/**
 * Decides whether tonight's extracts would equal what the live index already holds, so a night with
 * no relevant change skips coding and indexing and goes straight to statistics and packs.
 *
 * <p>The index's documents are a function of every input but the structured answers (see {@link
 * InputsFingerprint}); their fingerprint is recorded in the index's mapping and in the store's
 * record of built outputs once the index was verified ({@link ExtractAliasSwapTasklet}). The live
 * index is current when this store built it, it carries tonight's fingerprint and exactly as many
 * documents as the store has segments; otherwise the run report says why it was built again.
 */
class ExtractsUpToDateDecider implements JobExecutionDecider {

  static final FlowExecutionStatus UP_TO_DATE = new FlowExecutionStatus("UP_TO_DATE");
  static final FlowExecutionStatus CHANGED = new FlowExecutionStatus("CHANGED");
  static final String CONTENT_KEY = "extractContent";

  /** The index's name in the store's record of built outputs. */
  static final String OUTPUT = "index";

  /** What the night did to the index, in words, for the run report. */
  static final String OUTCOME_KEY = "extractIndexOutcome";

  private static final Logger LOG = LoggerFactory.getLogger(ExtractsUpToDateDecider.class);

  private final InputsFingerprint fingerprint;
  private final ExtractIndexAdmin admin;
  private final JdbcTemplate jdbc;
  private final Study study;
  private final BuiltOutputs built;

  ExtractsUpToDateDecider(
      InputsFingerprint fingerprint,
      ExtractIndexAdmin admin,
      JdbcTemplate jdbc,
      Study study,
      BuiltOutputs built) {
    this.fingerprint = fingerprint;
    this.admin = admin;
    this.jdbc = jdbc;
    this.study = study;
    this.built = built;
  }

  @Override
  public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
    String content = contentFingerprint();
    jobExecution.getExecutionContext().putString(CONTENT_KEY, content);
    Optional<String> why = whyRebuild(content);
    if (why.isPresent()) {
      RebuildNotes.note(jobExecution.getExecutionContext(), OUTPUT, why.get());
      return CHANGED;
    }
    LOG.info("No input, configuration or build change since the live index was built: kept as is");
    jobExecution
        .getExecutionContext()
        .putString(
            OUTCOME_KEY,
            ExtractIndexMapping.alias(study.name())
                + " kept as it was (no input, configuration or build change)");
    return UP_TO_DATE;
  }

  private Optional<String> whyRebuild(String content) {
    Optional<String> why = built.whyRebuild(study.name(), OUTPUT, content);
    if (why.isPresent()) {
      return why;
    }
    String live = admin.contentBehindAlias(study.name());
    if (live.isEmpty()) {
      return Optional.of("no live index with a record of its content");
    }
    if (!content.equals(live)) {
      return Optional.of("the live index holds other content than this store built");
    }
    long[] counts =
        jdbc.queryForObject(
            "select count(*), count(deidentified_body) from segment where study = ?",
            (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)},
            study.name());
    long segments = counts[0];
    if (counts[1] < segments) {
      return Optional.of((segments - counts[1]) + " segments await de-identification");
    }
    long indexed = admin.countBehindAlias(study.name());
    if (segments != indexed) {
      LOG.info("The live index holds {} documents for {} segments: re-indexing", indexed, segments);
      return Optional.of(
          "the live index holds " + indexed + " documents for " + segments + " segments");
    }
    return Optional.empty();
  }

  String contentFingerprint() {
    return fingerprint.excluding(Set.of(StructuredInput.RESPONSES.input()));
  }
}
