package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triangulate.demo.DemoGenerator;
import org.triangulate.evaluate.Evaluation;
import org.triangulate.evaluate.NightEvaluation;
import org.triangulate.index.TestElasticsearch;
import org.triangulate.study.Study;

/**
 * Joint displays on a study the alignment was not developed on: generated here (not committed) with
 * another seed, the second wording of the topics (interviewers' questions avoid the items' words,
 * participants say things differently), topics in a different order in every interview, and a topic
 * guide in {@code study.yml} that lists one of the two questions interviewers ask about each item,
 * so half the time they ask it in other words than the guide's. A real night (PostgreSQL,
 * Elasticsearch, CoreNLP, the embedding model) on every other participant's transcript must show
 * each speaker's own answer, and reach 85 % quote item precision in every pack and 85 % alignment
 * recall against the planted truth (docs/joint-displays.md has the figures, and those without a
 * guide).
 */
@PipelineIntegrationTest
class SecondStudyJointDisplayIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();
  private static final String STUDY = "paraphrased";
  private static final Path CONFIG = support.in.resolve("config");

  /** Over all packs: the target. */
  private static final double ITEM_PRECISION = 0.85;

  /** In every pack: the target (lowest measured 91.2 %, docs/joint-displays.md). */
  private static final double PACK_ITEM_PRECISION = 0.85;

  private static final double ALIGNMENT_RECALL = 0.85;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path input = support.in.resolve(STUDY);
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(
                20261206,
                1,
                input,
                CONFIG,
                DemoGenerator.PARAPHRASED_WORDING,
                true,
                null,
                0,
                true));
    keepEveryOtherTranscript(input.resolve("transcripts"));
    // The REFI-QDA project would stage the removed transcripts' text.
    deleteFolder(input.resolve("coding"));
    support.register(registry, support.in, () -> TestElasticsearch.url());
    registry.add("triangulate.config-dir", CONFIG::toString);
    registry.add("triangulate.study", () -> STUDY);
  }

  /** Half the night's work; every case keeps transcripts, since participants are listed by case. */
  private static void keepEveryOtherTranscript(Path transcripts) {
    try (Stream<Path> files = Files.list(transcripts)) {
      List<Path> sorted = files.sorted().toList();
      for (int i = 1; i < sorted.size(); i += 2) {
        Files.delete(sorted.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Autowired NightlyRunner runner;
  @Autowired Study study;
  @Autowired JdbcTemplate jdbc;

  @Test
  void quotesAreAboutTheirRowsItemAndShowTheirSpeakersAnswerInAStudyWordedAnotherWay()
      throws Exception {
    RunReport report = runner.run(LocalDate.of(2026, 12, 6));
    assertThat(report.status()).as(report.failure()).isEqualTo("COMPLETED");
    assertThat(study.name()).isEqualTo(STUDY);

    NightEvaluation figures =
        NightEvaluation.measure(
            jdbc, study, support.in.resolve(STUDY), support.out.resolve(STUDY).resolve("packs"));
    System.out.print(figures.table());

    // then every quote shows the answer its speaker gave that item
    assertThat(figures.quotes()).hasSizeGreaterThan(2);
    for (Evaluation.QuoteFigures pack : figures.quotes()) {
      assertThat(pack.quotes()).as(pack.pack()).isPositive();
      assertThat(pack.answersShown()).as(pack.pack()).isEqualTo(pack.quotes());
      assertThat(pack.answersAgree())
          .as(pack.pack() + " answer agreement")
          .isEqualTo(pack.quotes());
    }
    // and the quotes of every pack are about their row's item
    for (Evaluation.QuoteFigures pack : figures.quotes()) {
      assertThat(pack.itemPrecision())
          .as(pack.pack() + " item precision")
          .isGreaterThanOrEqualTo(PACK_ITEM_PRECISION);
    }
    Evaluation.QuoteFigures all = figures.quotes().getLast();
    assertThat(all.pack()).isEqualTo("all");
    assertThat(all.itemPrecision()).as("item precision").isGreaterThanOrEqualTo(ITEM_PRECISION);
    // and planted passages are aligned to their item
    assertThat(figures.alignment().recall())
        .as("alignment recall")
        .isGreaterThanOrEqualTo(ALIGNMENT_RECALL);
  }
}
