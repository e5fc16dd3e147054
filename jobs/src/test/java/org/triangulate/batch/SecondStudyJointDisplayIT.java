package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.TriangulateApplication;
import org.triangulate.demo.DemoGenerator;
import org.triangulate.evaluate.Evaluation;
import org.triangulate.evaluate.EvaluationTable;
import org.triangulate.evaluate.ExtractSpan;
import org.triangulate.evaluate.PackQuotes;
import org.triangulate.evaluate.PlantedTruth;
import org.triangulate.evaluate.StoredExtracts;
import org.triangulate.evaluate.StudyAnswers;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.study.Study;

/**
 * Joint displays on a study the alignment was not developed on: generated here (not committed) with
 * another seed, the second wording of the topics (interviewers' questions avoid the items' words,
 * participants say things differently) and topics in a different order in every interview. A real
 * night (PostgreSQL, Elasticsearch, CoreNLP, the embedding model) must still quote extracts about
 * their row's item, show each speaker's own answer, and align the planted passages.
 */
@DirtiesContext
@SpringBootTest(
    classes = TriangulateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.config.import=file:../config/application.yml")
class SecondStudyJointDisplayIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final String STUDY = "paraphrased";
  private static final Path CONFIG = support.in.resolve("config");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(
                20261206,
                1,
                support.in.resolve(STUDY),
                CONFIG,
                DemoGenerator.PARAPHRASED_WORDING,
                true));
    support.register(registry, support.in, () -> TestElasticsearch.url());
    registry.add("triangulate.config-dir", CONFIG::toString);
    registry.add("triangulate.study", () -> STUDY);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired Study study;
  @Autowired JdbcTemplate jdbc;

  @Test
  void quotesAreAboutTheirRowsItemInAStudyWordedAnotherWay() throws Exception {
    RunReport report = runner.run(LocalDate.of(2026, 12, 6));
    assertThat(report.status()).as(report.failure()).isEqualTo("COMPLETED");
    assertThat(study.name()).isEqualTo(STUDY);

    Path input = support.in.resolve(STUDY);
    PlantedTruth truth = PlantedTruth.read(input.resolve("planted.yml"));
    StoredExtracts stored = new StoredExtracts(jdbc, study.name());
    Map<String, ExtractSpan> spans = stored.participantSpans();
    Map<String, String> domains =
        study.items().stream().collect(Collectors.toMap(Study.Item::id, Study.Item::domain));
    List<Evaluation.QuoteFigures> figures =
        Evaluation.quotes(
            truth,
            spans,
            PackQuotes.read(support.out.resolve(STUDY).resolve("packs")),
            StudyAnswers.read(input.resolve("responses.csv"), study.happening()),
            domains);
    Evaluation.AlignmentFigures alignment =
        Evaluation.alignment(truth, spans, stored.alignedItems());
    Evaluation.AlignmentFigures quotable =
        Evaluation.alignment(truth, spans, stored.alignedItems(study.alignment().quoteMinScore()));
    System.out.print(EvaluationTable.format(study.name(), figures, alignment, quotable));

    assertThat(figures).hasSizeGreaterThan(2);
    for (Evaluation.QuoteFigures pack : figures) {
      assertThat(pack.quotes()).as(pack.pack()).isPositive();
      assertThat(pack.itemPrecision())
          .as(pack.pack() + " item precision")
          .isGreaterThanOrEqualTo(0.85);
      assertThat(pack.answersAgree())
          .as(pack.pack() + " answer agreement")
          .isEqualTo(pack.quotes());
    }
    assertThat(alignment.recall()).as("alignment recall").isGreaterThanOrEqualTo(0.85);
  }
}
