package org.triangulate.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.triangulate.StoreFixture;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * The agreement step over a real store (H2 and PostgreSQL): agreement.csv with the 2x2 counts and
 * statistics, disagreements.csv naming who coded the turn and who did not with its de-identified
 * text made formula-safe, and the method appendix's line for the category.
 */
class AgreementTaskletIT {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void writesAgreementDisagreementsAndTheAppendixLine(String database) throws Exception {
    try (StoreFixture store = new StoreFixture(database)) {
      // given four participant turns; the rules and a person agree on two of three "pay" turns
      for (int i = 0; i < 4; i++) {
        store.segment("t" + i, "A", "P1", "participant", i * 10, i * 10 + 10);
      }
      store.coding("t0", "pay", "rule:pay");
      store.coding("t1", "pay", "rule:pay");
      store.coding("t2", "pay", "rule:pay");
      store.selection("g1", null, "pay", "A", 0, 20);

      // when
      StepExecution step =
          new StepExecution(
              "computeAgreementStep",
              new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters()));
      new AgreementTasklet(store.jdbc, study(), out)
          .execute(new StepContribution(step), new ChunkContext(new StepContext(step)));

      // then, the person (imported:Tool) first by name; by hand: kappa = (3/4 - 1/2) / (1 - 1/2),
      // p_e = (2/4)(3/4) + (2/4)(1/4); alpha = 1 - (8 - 1) * 2 / (8^2 - 5^2 - 3^2) = 8/15
      List<String> agreement = Files.readAllLines(out.resolve("agreement.csv"));
      assertThat(agreement.getFirst()).startsWith("category,category_label,first_coder");
      assertThat(agreement)
          .contains(
              "pay,Pay,imported:Tool,rule,4,2,0,1,1,0.7500,0.5000,0.5333,0.5000,0.7500",
              "training,Training,imported:Tool,rule,4,0,0,0,4,1.0000,,,0.0000,0.0000");
      assertThat(Files.readAllLines(out.resolve("disagreements.csv")))
          .containsExactly(
              "segment_id,participant_id,category,coded_by,not_coded_by,text",
              "t2,P1,pay,rule,imported:Tool,'=text of t2");
      Map<String, String> appendix = AgreementAppendix.lines(out);
      assertThat(appendix)
          .containsEntry(
              "Agreement: Pay",
              "imported:Tool and rule: κ 0.50, α 0.53 over 4 segments (coded 50% and 75% of their"
                  + " text)")
          .doesNotContainKey("Agreement: Training");
    }
  }

  private static Study study() {
    Codebook codebook =
        new Codebook(
            List.of(
                new Codebook.Theme(
                    "t",
                    "Theme",
                    List.of(
                        new Codebook.Category("pay", "Pay", "", List.of(), List.of(), List.of()),
                        new Codebook.Category(
                            "training", "Training", "", List.of(), List.of(), List.of())))));
    return new Study(
        "s",
        "S",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Study.Languages.ENGLISH,
        null,
        codebook);
  }
}
