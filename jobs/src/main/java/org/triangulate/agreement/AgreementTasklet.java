package org.triangulate.agreement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Study;

/**
 * Computes the agreement between every two coders of the study's participant segments and writes it
 * to {@code data-out/<study>/agreement/} (see {@link AgreementWriter}). Counts segments read and
 * rows written (agreement rows plus disagreements).
 */
public class AgreementTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final Study study;
  private final Path directory;

  public AgreementTasklet(JdbcTemplate jdbc, Study study, Path directory) {
    this.jdbc = jdbc;
    this.study = study;
    this.directory = directory;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    CodedSegments coded = new CodedSegmentsLoader(jdbc).load(study.name());
    for (int i = 0; i < coded.segments().size(); i++) {
      contribution.incrementReadCount();
    }
    Map<String, String> labels = categoryLabels();
    Agreement agreement = AgreementCalculator.compare(new ArrayList<>(labels.keySet()), coded);
    Map<String, String> texts = disagreeingTexts(agreement);
    AgreementWriter.write(agreement, labels, texts::get, directory);
    contribution.incrementWriteCount(agreement.rows().size() + agreement.disagreements().size());
    return RepeatStatus.FINISHED;
  }

  /** The codebook's categories in its order, then those only imported codebooks have. */
  private Map<String, String> categoryLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    study.codebook().categories().forEach(c -> labels.put(c.id(), c.label()));
    jdbc.query(
        "select category, min(name) from imported_code where study = ? and codable = true"
            + " group by category order by category",
        rs -> {
          labels.putIfAbsent(rs.getString(1), rs.getString(2));
        },
        study.name());
    return labels;
  }

  private Map<String, String> disagreeingTexts(Agreement agreement) {
    Map<String, String> texts = new HashMap<>();
    if (agreement.disagreements().isEmpty()) {
      return texts;
    }
    java.util.Set<String> wanted = new java.util.HashSet<>();
    agreement.disagreements().forEach(d -> wanted.add(d.segmentId()));
    jdbc.query(
        "select segment_id, deidentified_body from segment where study = ? and speaker_role = ?",
        rs -> {
          if (wanted.contains(rs.getString(1))) {
            texts.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
          }
        },
        study.name(),
        SpeakerRole.PARTICIPANT.code());
    return texts;
  }
}
