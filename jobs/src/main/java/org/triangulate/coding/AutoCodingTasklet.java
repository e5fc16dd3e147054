package org.triangulate.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Re-applies the codebook's rules to every segment of the study, replacing the pipeline's earlier
 * codings (a changed rule takes effect on all transcripts). Rules apply to participant segments
 * unless a rule names another speaker role. Each coding keeps its rule id and matched terms as
 * provenance. Codes and writes one source at a time. Counts segments read and codings written.
 */
public class AutoCodingTasklet implements Tasklet {

  private static final int MATCHED_TERMS_WIDTH = 1000;

  private final JdbcTemplate jdbc;
  private final SegmentStore segments;
  private final Study study;
  private final LemmaRuleCoder coder;

  public AutoCodingTasklet(JdbcTemplate jdbc, SegmentStore segments, Study study) {
    this.jdbc = jdbc;
    this.segments = segments;
    this.study = study;
    this.coder = new LemmaRuleCoder(study.codebook());
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    jdbc.update(
        "delete from coding where study = ? and provenance like ?",
        study.name(),
        LemmaRuleCoder.PROVENANCE_PREFIX + "%");
    List<String> sourceIds = segments.sourceIds(study.name());
    // One source at a time: the codings of a whole study need not fit in memory.
    for (String sourceId : sourceIds) {
      List<Coding> codings = new ArrayList<>();
      jdbc.query(
          "select segment_id, speaker_role, lemmas, language from segment where study = ? and source_id = ?",
          rs -> {
            contribution.incrementReadCount();
            SpeakerRole role = SpeakerRole.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
            codings.addAll(coder.code(rs.getString(1), role, rs.getString(3), rs.getString(4)));
          },
          study.name(),
          sourceId);
      insert(codings);
      contribution.incrementWriteCount(codings.size());
    }
    return RepeatStatus.FINISHED;
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
