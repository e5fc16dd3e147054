package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triangulate.study.Study;

/**
 * The de-identify step over a store holding two annotated transcripts, on H2 and on the real
 * PostgreSQL (a throw-away schema): study-wide pseudonyms, label names, the mapping kept in the
 * store only, and a second night that changes nothing.
 */
class DeidentifyTaskletIT {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final SpeakerTurnSegmenter TURNS =
      new SpeakerTurnSegmenter(List.of("Interviewer", "Int", "I", "Q"));

  private static final String A =
      "Interviewer: Thanks Claire.\nClaire: I work with Grace Okafor on Ash Ward, ring 07700 900123.\n";
  private static final String B = "Q: Who helps?\nR: Grace Okafor does, and Grace. Claire too.\n";

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void givesEachPersonOnePseudonymAcrossTranscriptsAndKeepsTheMappingInTheStore(String database)
      throws Exception {
    // given two transcripts: NER found "Grace Okafor" in the first only; "Claire" is a label there
    String schema = "issue5_deid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource dataSource;
    if (database.equals("postgresql")) {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("create schema " + schema);
      }
      dataSource =
          new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema, "postgres", "");
    } else {
      dataSource =
          new DriverManagerDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration", "classpath:db/vendor/" + database)
          .load()
          .migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      SegmentStore store = new SegmentStore(jdbc);
      stage(
          jdbc,
          store,
          "A.txt",
          A,
          List.of(new EntityMention(A.indexOf("Grace"), A.indexOf(" on"), "PERSON")));
      stage(jdbc, store, "B.txt", B, List.of());
      Study.Deidentification config =
          new Study.Deidentification(null, List.of("Ash Ward"), null, List.of("NHS"));

      // when
      night(jdbc, store, config);
      Map<String, String> first = deidentified(jdbc);
      night(jdbc, store, config);

      // then
      assertThat(first.values())
          .containsExactly(
              "Interviewer|Thanks [PERSON-1].",
              "[PERSON-1]|I work with [PERSON-2] on [PLACE-1], ring [PHONE-1].",
              "Q|Who helps?",
              "R|[PERSON-2] does, and [PERSON-2]. [PERSON-1] too.");
      assertThat(deidentified(jdbc)).as("a second night").isEqualTo(first);
      assertThat(
              jdbc.queryForList(
                  "select kind || ':' || name_key || ':' || serial from pseudonym where study = 'demo'"
                      + " order by kind, serial",
                  String.class))
          .containsExactly(
              "person:claire:1",
              "person:grace okafor:2",
              "phone:07700900123:1",
              "place:ash ward:1");
      assertThat(
              jdbc.queryForList(
                  "select deidentified_lemmas from segment where study = 'demo'", String.class))
          .noneMatch(l -> l.contains("grace") || l.contains("claire"));
    } finally {
      if (database.equals("postgresql")) {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
          c.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
      }
    }
  }

  /** A source and one segment per speaker turn, lemmas being the lower-cased words. */
  private static void stage(
      JdbcTemplate jdbc,
      SegmentStore store,
      String sourceId,
      String text,
      List<EntityMention> ner) {
    jdbc.update(
        "insert into source (study, source_id, opaque_id, participant_id, file_name, sha256,"
            + " char_count, body) values ('demo', ?, ?, ?, ?, ?, ?, ?)",
        sourceId,
        sourceId.replace(".txt", "-opaque"),
        sourceId.replace(".txt", ""),
        sourceId,
        "0f".repeat(32),
        text.length(),
        text);
    List<Segment> segments = new ArrayList<>();
    for (SpeakerTurn turn : TURNS.segment(text)) {
      StringBuilder lemmas = new StringBuilder();
      StringBuilder starts = new StringBuilder();
      var words = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
      words.region(turn.start(), turn.end());
      while (words.find()) {
        lemmas
            .append(lemmas.isEmpty() ? "" : " ")
            .append(words.group().toLowerCase(java.util.Locale.ROOT));
        starts.append(starts.isEmpty() ? "" : " ").append(words.start());
      }
      segments.add(
          new Segment(
              sourceId + "#" + turn.index(),
              sourceId,
              sourceId.replace(".txt", ""),
              turn.index(),
              turn.role(),
              turn.label(),
              turn.start(),
              turn.end(),
              1,
              text.substring(turn.start(), turn.end()),
              lemmas.toString(),
              starts.toString(),
              "en"));
    }
    store.replaceSegments(
        "demo", new AnnotatedSource(sourceId, "0f".repeat(32), segments, ner), "test settings");
  }

  private static void night(JdbcTemplate jdbc, SegmentStore store, Study.Deidentification config)
      throws Exception {
    Study study =
        new Study(
            "demo",
            "Demo",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            config,
            null,
            Study.Languages.ENGLISH,
            null,
            null);
    JobExecution job = new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters());
    StepExecution step = new StepExecution("deidentifySegmentsStep", job);
    new DeidentifyTasklet(
            store,
            jdbc,
            study,
            TURNS,
            new org.triangulate.fingerprint.SourceSteps(jdbc),
            config::toString,
            true)
        .execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
  }

  private static Map<String, String> deidentified(JdbcTemplate jdbc) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    jdbc.query(
        "select segment_id, deidentified_label, deidentified_body from segment where study = 'demo'"
            + " order by source_id, start_offset",
        rs -> {
          out.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
        });
    return out;
  }
}
