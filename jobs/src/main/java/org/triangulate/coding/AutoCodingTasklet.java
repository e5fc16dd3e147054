package org.triangulate.coding;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Re-applies the codebook's rules to every participant segment of the study, replacing the
 * pipeline's earlier codings (a changed rule takes effect on all transcripts). Counts segments read
 * and codings written.
 */
public class AutoCodingTasklet implements Tasklet {

  private static final String RULE_PROVENANCE = "rule:%";

  private final JdbcTemplate jdbc;
  private final Study study;
  private final LemmaRuleCoder coder;

  public AutoCodingTasklet(JdbcTemplate jdbc, Study study) {
    this.jdbc = jdbc;
    this.study = study;
    this.coder = new LemmaRuleCoder(study.codebook());
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    jdbc.update(
        "delete from coding where study = ? and provenance like ?", study.name(), RULE_PROVENANCE);
    List<Coding> codings = new ArrayList<>();
    jdbc.query(
        "select segment_id, lemmas from segment where study = ? and speaker_role = ?",
        rs -> {
          contribution.incrementReadCount();
          codings.addAll(coder.code(rs.getString(1), rs.getString(2)));
        },
        study.name(),
        SpeakerRole.PARTICIPANT.code());
    jdbc.batchUpdate(
        "insert into coding (study, segment_id, category, provenance, matched_terms) values (?, ?, ?, ?, ?)",
        codings.stream()
            .map(c ->
                new Object[] {
                  study.name(),
                  c.segmentId(),
                  c.category(),
                  c.provenance(),
                  String.join(", ", c.matchedTerms())
                })
            .toList());
    contribution.incrementWriteCount(codings.size());
    return RepeatStatus.FINISHED;
  }
}
