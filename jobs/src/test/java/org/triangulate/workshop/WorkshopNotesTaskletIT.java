package org.triangulate.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.PatternFamily;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Workshop notes through a real store (H2 and PostgreSQL) and CoreNLP's lemmatiser: paragraphs
 * de-identified before they are kept, coded by the codebook's rules through their lemmas, described
 * by workshops.csv, a file of the wrong kind quarantined, nothing in participants' tables, and each
 * pattern given the notes coded to its categories.
 */
class WorkshopNotesTaskletIT {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void ingestsDeidentifiesAndCodesWorkshopNotesApartFromParticipants(String database)
      throws Exception {
    try (StoreFixture store = new StoreFixture(database)) {
      // given a workshop with notes in two paragraphs, its description, a file of the wrong kind,
      // one outside any workshop's folder and a link to a file outside the study
      Path in = Files.createDirectories(temp.resolve("study/workshops"));
      Path w1 = Files.createDirectories(in.resolve("w1"));
      Files.writeString(in.resolve("loose.txt"), "Not in a workshop.");
      Files.writeString(temp.resolve("secret.txt"), "Outside the study.");
      Files.createSymbolicLink(w1.resolve("linked.txt"), temp.resolve("secret.txt"));
      Files.writeString(
          w1.resolve("notes.txt"),
          "Grace Okafor said the peer workers get supervision weekly now.\n\n"
              + "Everyone agreed   the pay\nwas still unfair.\n",
          StandardCharsets.UTF_8);
      Files.writeString(w1.resolve("slides.pdf"), "%PDF-1.4");
      Files.writeString(
          in.resolve("workshops.csv"),
          "workshop_id,date,pack,groups\nw1,2026-11-30,workshop-all,peer_worker;line_manager\n");

      // when
      StepExecution step =
          new StepExecution(
              "ingestWorkshopNotesStep",
              new JobExecution(9L, new JobInstance(1L, "nightly"), new JobParameters()));
      StepContribution contribution = new StepContribution(step);
      new WorkshopNotesTasklet(
              store.jdbc, new SegmentStore(store.jdbc), new QuarantineLog(store.jdbc), study(), in)
          .execute(contribution, new ChunkContext(new StepContext(step)));

      // then
      List<Map<String, Object>> notes =
          store.jdbc.queryForList(
              "select workshop_id, paragraph, held_on, stakeholder_groups, deidentified_text,"
                  + " categories from workshop_note where study = 's' order by paragraph");
      assertThat(notes).hasSize(2);
      assertThat(notes.get(0))
          .containsEntry("WORKSHOP_ID", "w1")
          .containsEntry("HELD_ON", "2026-11-30")
          .containsEntry("STAKEHOLDER_GROUPS", "peer_worker;line_manager")
          .containsEntry("CATEGORIES", "supervision");
      assertThat((String) notes.get(0).get("DEIDENTIFIED_TEXT"))
          .doesNotContain("Grace")
          .doesNotContain("Okafor")
          .contains("[PERSON-")
          .endsWith("said the peer workers get supervision weekly now.");
      assertThat(notes.get(1))
          .containsEntry("DEIDENTIFIED_TEXT", "Everyone agreed the pay was still unfair.")
          .containsEntry("CATEGORIES", "pay");
      assertThat(
              store.jdbc.queryForList(
                  "select file_name from quarantine where study = 's' order by file_name",
                  String.class))
          .containsExactly("loose.txt", "w1/linked.txt", "w1/slides.pdf");
      assertThat(
              store.jdbc.queryForObject(
                  "select reason from quarantine where file_name = 'w1/slides.pdf'", String.class))
          .isEqualTo("workshop notes must be .txt files");
      assertThat(
              store.jdbc.queryForObject(
                  "select reason from quarantine where file_name = 'w1/linked.txt'", String.class))
          .contains("outside the study folder");
      assertThat(contribution.getProcessSkipCount()).isEqualTo(3);
      for (String table : List.of("segment", "coding", "source", "participant", "response")) {
        assertThat(store.jdbc.queryForObject("select count(*) from " + table, Integer.class))
            .as(table)
            .isZero();
      }

      // and each pattern gets the notes coded to its categories
      WorkshopSaid said =
          WorkshopSaid.of(
              store.jdbc, "s", List.of(pattern("REPLICATED_NOT_IN_PLACE:pay_parity", "pay")));
      assertThat(said.about("REPLICATED_NOT_IN_PLACE:pay_parity"))
          .extracting(WorkshopNote::paragraph)
          .containsExactly(2);
    }
  }

  private static Pattern pattern(String id, String category) {
    return new Pattern(
        id,
        "REPLICATED_NOT_IN_PLACE",
        PatternFamily.REPLICATED_NOT_IN_PLACE,
        "pay_parity",
        "case",
        List.of(),
        null,
        null,
        "",
        0.5,
        List.of(category),
        List.of());
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
                            "supervision",
                            "Supervision",
                            "",
                            List.of(),
                            List.of("supervision"),
                            List.of()),
                        new Codebook.Category(
                            "pay", "Pay", "", List.of(), List.of("pay", "salary"), List.of())))));
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
        new Study.Deidentification(List.of("Grace Okafor"), null, null, null),
        null,
        Study.Languages.ENGLISH,
        null,
        codebook);
  }
}
