package org.triangulate.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.ingest.StagedStudyStore;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Applies the codebook's rules to the segments of every source that changed, replacing the
 * pipeline's earlier codings of those sources; every source when the codebook, the annotation
 * settings or the build changed (a changed rule takes effect on all transcripts) or a full night is
 * asked for (see {@link SourceSteps}). Rules apply to participant segments unless a rule names
 * another speaker role. Each coding keeps its rule id and matched terms as provenance. Codes and
 * writes one source at a time. Counts segments read and codings written.
 */
public class AutoCodingTasklet implements Tasklet {

  /** The step's name in {@link SourceSteps}. */
  public static final String STEP = "code";

  private static final int MATCHED_TERMS_WIDTH = 1000;

  private final JdbcTemplate jdbc;
  private final Study study;
  private final LemmaRuleCoder coder;
  private final SourceSteps steps;
  private final Supplier<String> settings;
  private final boolean incremental;

  /**
   * @param settings a fingerprint of everything but the sources that shapes the codings
   * @param incremental false to code every source (a full night)
   */
  public AutoCodingTasklet(
      JdbcTemplate jdbc,
      Study study,
      SourceSteps steps,
      Supplier<String> settings,
      boolean incremental) {
    this.jdbc = jdbc;
    this.study = study;
    this.coder = new LemmaRuleCoder(study.codebook());
    this.steps = steps;
    this.settings = settings;
    this.incremental = incremental;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    SourceSteps.Plan plan =
        steps.plan(study.name(), STEP, settings.get(), List.of(SourceSteps.ANNOTATE));
    if (!incremental) {
      plan = plan.all();
    }
    if (plan.everything()) {
      jdbc.update(
          "delete from coding where study = ? and provenance like ?",
          study.name(),
          LemmaRuleCoder.PROVENANCE_PREFIX + "%");
    }
    // One source at a time: the codings of a whole study need not fit in memory.
    for (String sourceId : plan.pending()) {
      if (!plan.everything()) {
        StagedStudyStore.deletePerSegment(
            jdbc,
            study.name(),
            sourceId,
            "delete from coding where study = ? and segment_id = ? and provenance like ?",
            LemmaRuleCoder.PROVENANCE_PREFIX + "%");
      }
      List<Coding> codings = new ArrayList<>();
      jdbc.query(
          "select segment_id, speaker_role, lemmas, language from segment where study = ? and source_id = ?"
              + " order by start_offset",
          rs -> {
            contribution.incrementReadCount();
            SpeakerRole role = SpeakerRole.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
            codings.addAll(coder.code(rs.getString(1), role, rs.getString(3), rs.getString(4)));
          },
          study.name(),
          sourceId);
      insert(codings);
      steps.done(study.name(), plan, sourceId, fingerprint(codings));
      contribution.incrementWriteCount(codings.size());
    }
    steps.forgetRemoved(study.name(), STEP);
    return RepeatStatus.FINISHED;
  }

  private String fingerprint(List<Coding> codings) {
    List<String> parts = new ArrayList<>();
    codings.forEach(
        c -> parts.addAll(List.of(c.segmentId(), c.category(), c.provenance(), matchedTerms(c))));
    return Fingerprint.of(parts);
  }

  private void insert(List<Coding> codings) {
    jdbc.batchUpdate(
        "insert into coding (study, segment_id, category, provenance, matched_terms) values (?, ?, ?, ?, ?)",
        codings.stream()
            .map(c ->
                new Object[] {
                  study.name(), c.segmentId(), c.category(), c.provenance(), matchedTerms(c)
                })
            .toList());
  }

  private static String matchedTerms(Coding coding) {
    String joined = String.join(", ", coding.matchedTerms());
    return joined.length() <= MATCHED_TERMS_WIDTH
        ? joined
        : joined.substring(0, MATCHED_TERMS_WIDTH);
  }
}
