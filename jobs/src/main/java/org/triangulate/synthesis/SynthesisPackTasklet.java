package org.triangulate.synthesis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.triangulate.TriangulateProperties;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.StudyStatistics;
import org.triangulate.study.Study;

/**
 * Writes every pack the study defines to {@code data-out/<study>/packs/<pack>/}: the pack's
 * patterns, strongest first, each as a joint display of numbers beside quotes per group.
 */
@Component
public class SynthesisPackTasklet implements Tasklet {

  private final Study study;
  private final StudyStatistics statistics;
  private final JdbcTemplate jdbc;
  private final PackWriter writer;
  private final JointDisplayBuilder displays;
  private final Path packsDirectory;

  SynthesisPackTasklet(
      Study study,
      StudyStatistics statistics,
      JdbcTemplate jdbc,
      ElasticsearchClient client,
      ITemplateEngine templates,
      TriangulateProperties properties) {
    this.study = study;
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.writer = new PackWriter(templates);
    this.displays = new JointDisplayBuilder(study, new QuoteFinder(client, study));
    this.packsDirectory = properties.studyOutput(study.name()).resolve("packs");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    StudyStatistics.Results results = statistics.compute();
    for (Study.PackDefinition pack : study.packs()) {
      List<JointDisplay> sections =
          results.patterns().stream()
              .filter(p -> belongsTo(p, pack))
              .sorted(Pattern.STRONGEST_FIRST)
              .map(p -> displays.build(p, results.items()))
              .toList();
      writer.write(
          packsDirectory.resolve(pack.id()),
          new PackWriter.PackView(
              study.title(),
              pack.id(),
              pack.title(),
              job.getId(),
              String.valueOf(job.getJobParameters().getLocalDate("runDate")),
              counts(),
              pack.groupings().stream().map(study::groupingLabel).toList(),
              sections,
              method()));
      contribution.incrementWriteCount(1);
    }
    return RepeatStatus.FINISHED;
  }

  private static boolean belongsTo(Pattern pattern, Study.PackDefinition pack) {
    return pack.patternTypes().contains(pattern.family().name())
        && (!pattern.family().name().equals("VARIES_BY")
            || pack.groupings().contains(pattern.grouping()));
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("cases", count("select count(*) from study_case where study = ?"));
    counts.put("participants", count("select count(*) from participant where study = ?"));
    counts.put("transcripts", count("select count(*) from source where study = ?"));
    counts.put("segments", count("select count(*) from segment where study = ?"));
    return counts;
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class, study.name());
    return n == null ? 0 : n;
  }

  private Map<String, String> method() {
    Study.PatternThresholds t = study.patterns();
    Map<String, String> method = new LinkedHashMap<>();
    method.put(
        "In-place share",
        "yes / (yes + partly + no); replicated in place at ≥ "
            + t.replicatedInPlaceMinShare()
            + " and not in place at ≤ "
            + t.replicatedNotInPlaceMaxShare()
            + ", overall and in every case with n ≥ "
            + t.minGroupN());
    method.put(
        "Group differences",
        "answer A: chi-square test of independence on group × answer (Monte Carlo p from "
            + t.monteCarloTables()
            + " seeded tables when any expected count < 5), "
            + (t.cramersVBiasCorrected() ? "bias-corrected " : "")
            + "Cramér's V ≥ "
            + t.minEffectSize()
            + "; importance: Mann–Whitney U (2 groups) or Kruskal–Wallis (3+), epsilon-squared ≥ "
            + t.importanceMinEffectSize()
            + "; either answer with Benjamini–Hochberg adjusted p < "
            + t.alpha()
            + " across the items of the grouping; groups with n < "
            + t.minGroupN()
            + " left out");
    method.put(
        "Importance gap",
        "mean importance ≥ "
            + t.importanceGapMinMean()
            + " and in-place share ≤ "
            + t.importanceGapMaxShare());
    method.put(
        "Quotes",
        "participant turns coded to the item's categories, in the row's group, ranked by relevance to the item's"
            + " wording; at most "
            + study.quotes().perGroupMax()
            + " per group, one per participant per pattern, new cases first,"
            + " "
            + study.quotes().minChars()
            + "–"
            + study.quotes().maxChars()
            + " characters, de-identified");
    return method;
  }
}
