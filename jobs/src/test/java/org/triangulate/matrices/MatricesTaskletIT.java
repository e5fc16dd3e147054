package org.triangulate.matrices;

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
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.triangulate.StoreFixture;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * The matrices step over a real store (H2 and PostgreSQL), every expected value worked out by hand
 * from the fixture: participants speaking to a category, the in-place share of their own answers,
 * one quote per participant, presence 0/1 and counts with attributes, escaped HTML and formula-safe
 * CSV.
 */
class MatricesTaskletIT {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void writesFrameworkAndPresenceMatrices(String database) throws Exception {
    try (StoreFixture store = new StoreFixture(database)) {
      // given two cases, three participants, their turns, codings and answers
      store.jdbc.update("insert into study_case values ('s', 'C1', 'One'), ('s', 'C2', 'Two')");
      store.jdbc.update(
          "insert into case_attribute values ('s', 'C1', 'employer', 'nhs'),"
              + " ('s', 'C2', 'employer', 'vol')");
      store.jdbc.update(
          "insert into participant (study, participant_id, case_id) values ('s', 'P1', 'C1'),"
              + " ('s', 'P2', 'C1'), ('s', 'P3', 'C2')");
      store.jdbc.update(
          "insert into participant_attribute values ('s', 'P1', 'group', 'su'),"
              + " ('s', 'P2', 'group', 'pw'), ('s', 'P3', 'group', 'su')");
      store.segment("s0", "A", "P1", "interviewer", 0, 10, "What about pay and training?");
      store.segment(
          "s1", "A", "P1", "participant", 10, 60, "<b>Pay</b> is unequal here, a real problem");
      store.segment("s2", "A", "P1", "participant", 60, 90, "We are paid less than the others");
      store.segment("s3", "B", "P2", "participant", 0, 40, "Training was good and useful to us");
      store.segment("s4", "C", "P3", "participant", 0, 40, "=SUM(1) pay is the same as band three");
      store.coding("s0", "pay", "rule:pay");
      store.coding("s1", "pay", "rule:pay");
      store.coding("s1", "pay", "imported:Tool");
      store.coding("s2", "pay", "rule:pay");
      store.coding("s3", "training", "rule:training");
      store.coding("s4", "pay", "rule:pay");
      store.jdbc.update(
          "insert into response (study, participant_id, item_id, happening) values"
              + " ('s', 'P1', 'pay_parity', 'no'), ('s', 'P1', 'pay_promotion', 'yes'),"
              + " ('s', 'P2', 'pay_parity', 'yes'), ('s', 'P3', 'pay_parity', 'dont_know'),"
              + " ('s', 'P3', 'pay_promotion', 'partly')");

      // when
      StepExecution step =
          new StepExecution(
              "writeMatricesStep",
              new JobExecution(7L, new JobInstance(1L, "nightly"), new JobParameters()));
      new MatricesTasklet(store.jdbc, study(), templates(), out, "http://127.0.0.1:8080/")
          .execute(new StepContribution(step), new ChunkContext(new StepContext(step)));

      // then: P1 speaks to pay (s1, s2; s0 is the interviewer's), answers no and yes: 1 of 2 in
      // place; P2's "yes" does not count (P2 never spoke to pay); P3 answers partly (and don't
      // know,
      // left out): 0 of 1
      assertThat(Files.readAllLines(out.resolve("presence.csv")))
          .containsExactly(
              "participant_id,case_id,employer,group,pay,pay_n,training,training_n",
              "P1,C1,nhs,su,1,2,0,0",
              "P2,C1,nhs,pw,0,0,1,1",
              "P3,C2,vol,su,1,1,0,0");
      assertThat(Files.readAllLines(out.resolve("presence_by_case.csv")))
          .containsExactly(
              "case_id,employer,participants,pay,pay_n,training,training_n",
              "C1,nhs,2,1,2,1,1",
              "C2,vol,1,1,1,0,0");
      String csv = Files.readString(out.resolve("framework.csv"));
      assertThat(csv)
          .contains(
              "C1,pay,'+Pay & conditions,2,1,1,2,0.5000,\"P1: <b>Pay</b> is unequal here, a real"
                  + " problem\",http://127.0.0.1:8080/?case=C1&category=pay")
          .contains("C1,training,Training,2,1,0,0,,P2: Training was good")
          .contains("C2,pay,'+Pay & conditions,1,1,0,1,0.0000,P3: =SUM(1) pay");
      String html = Files.readString(out.resolve("framework.html"));
      assertThat(html)
          .contains("&lt;b&gt;Pay&lt;/b&gt; is unequal here")
          .doesNotContain("<b>Pay")
          .doesNotContain("We are paid less")
          .contains("+Pay &amp; conditions")
          .contains("href=\"http://127.0.0.1:8080/?case=C1&amp;category=pay\"")
          .contains("1 of 2 · 50% in place (2 answers)");
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
                        new Codebook.Category(
                            "pay",
                            "+Pay & conditions",
                            "",
                            List.of("pay_parity", "pay_promotion"),
                            List.of(),
                            List.of()),
                        new Codebook.Category(
                            "training", "Training", "", List.of("train"), List.of(), List.of())))));
    return new Study(
        "s",
        "Study <One>",
        List.of(new Study.Attribute("employer", "Employer", Map.of("nhs", "NHS", "vol", "Vol"))),
        List.of(new Study.Attribute("group", "Group", Map.of("su", "SU", "pw", "PW"))),
        null,
        null,
        null,
        null,
        null,
        null,
        new Study.QuoteRules(2, 10, 400),
        null,
        null,
        Study.Languages.ENGLISH,
        null,
        codebook);
  }

  private static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
