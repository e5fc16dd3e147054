package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.triangulate.coding.ImportedCodingAttacher;
import org.triangulate.fingerprint.ConfigFingerprint;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * The ingest tasklets against the real databases (PostgreSQL on 127.0.0.1:5432 in a throw-away
 * schema, and H2), each in its own transaction as in a step: everything loads and is attached,
 * unchanged files are skipped with their quarantine carried over, a changed file replaces its
 * records, a deleted one removes them.
 */
class IngestStoreIT {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  @TempDir Path work;

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private Study study;
  private Path folder;
  private String schema;
  private InputLimits limits = InputLimits.DEFAULTS;
  private RemovalGuard guard = RemovalGuard.DEFAULTS;

  @org.junit.jupiter.api.AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private void setUp(String database) throws Exception {
    DataSource dataSource;
    String vendor;
    if (database.equals("postgresql")) {
      String schema =
          "triangulate_ingest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("create schema " + schema);
      }
      dataSource =
          new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema, "postgres", "");
      vendor = "postgresql";
    } else {
      dataSource =
          new DriverManagerDataSource(
              "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
      vendor = "h2";
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    folder = work.resolve("clean");
    copy(Path.of("src/test/resources/ingest/studies/clean"), folder);
    study = new StudyLoader().load(work, "clean");
  }

  private void night(long runId) {
    StagedStudyStore store = new StagedStudyStore(jdbc);
    InputLedger ledger = new InputLedger(jdbc, new QuarantineLog(jdbc));
    String config = ConfigFingerprint.of(folder);
    List<Tasklet> steps =
        Stream.concat(
                Stream.of(StructuredInput.values())
                    .map(kind ->
                        (Tasklet)
                            new StructuredInputTasklet(
                                kind, folder, study, store, ledger, config, limits, guard)),
                Stream.of(
                    new TranscriptIngestTasklet(
                        folder.resolve("transcripts"),
                        study,
                        store,
                        ledger,
                        limits,
                        guard,
                        text -> null),
                    new RefiQdaImportTasklet(
                        folder.resolve("coding"),
                        study,
                        store,
                        new ImportedCodingStore(jdbc, store),
                        ledger,
                        jdbc,
                        config,
                        limits,
                        guard)))
            .toList();
    JobExecution job =
        new JobExecution(runId, new JobInstance(runId, "nightly"), new JobParameters());
    for (Tasklet step : steps) {
      transactions.executeWithoutResult(status -> {
        try {
          step.execute(new StepContribution(new StepExecution("step", job)), null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private List<String> lines(long runId) {
    return new InputLedger(jdbc, new QuarantineLog(jdbc))
        .forRun("clean", runId).stream()
            .map(l ->
                l.fileName()
                    + " "
                    + l.status()
                    + " "
                    + l.read()
                    + "="
                    + l.loaded()
                    + "+"
                    + l.quarantined())
            .toList();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void loadsSkipsReplacesAndRemovesInputsByChecksum(String database) throws Exception {
    setUp(database);

    // when the first night runs
    night(1);

    // then every input loads, and the REFI-QDA codings are placed on P01's transcript
    assertThat(lines(1))
        .containsExactly(
            "cases.csv loaded 2=2+0",
            "participants.csv loaded 2=2+0",
            "responses.csv loaded 4=4+0",
            "transcripts/P01.txt loaded 1=1+0",
            "transcripts/P02.md loaded 1=1+0",
            "coding/pilot.qde loaded 3=3+0");
    assertThat(
            jdbc.queryForList(
                "select source_id || ' ' || origin || ' ' || original_format || ' ' || line_endings from source order by source_id",
                String.class))
        .containsExactly("P01.txt transcript txt LF", "P02.md transcript md LF");
    assertThat(
            jdbc.queryForList(
                "select source_id || ' ' || start_offset || '-' || end_offset || ' ' || category || ' ' || provenance"
                    + " from imported_selection order by start_offset",
                String.class))
        .containsExactly(
            "P01.txt 11-36 lived_experience imported:QualCoder 3.6",
            "P01.txt 30-36 lived_experience imported:QualCoder 3.6");

    // and after annotation (two segments here) both imported and rule codings of one segment stay
    jdbc.update(
        "insert into segment (study, segment_id, source_id, participant_id, turn_index, speaker_role, speaker_label,"
            + " start_offset, end_offset, sentence_count, body, lemmas) values"
            + " ('clean', 'seg-i', 'P01.txt', 'P01', 0, 'interviewer', 'I', 3, 7, 1, 'Why?', 'why'),"
            + " ('clean', 'seg-r', 'P01.txt', 'P01', 1, 'participant', 'R', 11, 36, 1, 'x', 'x')");
    jdbc.update(
        "insert into coding (study, segment_id, category, provenance) values ('clean', 'seg-r', 'lived_experience', 'rule:lived_experience')");
    transactions.executeWithoutResult(s -> {
      try {
        new ImportedCodingAttacher(jdbc, study)
            .execute(
                new StepContribution(
                    new StepExecution(
                        "attach",
                        new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters()))),
                null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(
            jdbc.queryForList(
                "select segment_id || ' ' || provenance from coding order by provenance",
                String.class))
        .containsExactly("seg-r imported:QualCoder 3.6", "seg-r rule:lived_experience");

    // when nothing changes, everything is skipped
    night(2);
    assertThat(lines(2)).allSatisfy(l -> assertThat(l).contains(" unchanged "));

    // when responses.csv gains a second answer to an item, the file is replaced: both quarantined
    Files.writeString(
        folder.resolve("responses.csv"),
        "P01,sup_access,no,1\n",
        java.nio.file.StandardOpenOption.APPEND);
    night(3);
    assertThat(lines(3)).contains("responses.csv loaded 5=3+2", "cases.csv unchanged 2=2+0");
    assertThat(count("select count(*) from response")).isEqualTo(3);
    assertThat(count("select count(*) from quarantine where job_execution_id = 3")).isEqualTo(2);

    // and a night later the unchanged file's quarantine is carried into the new run
    night(4);
    assertThat(lines(4)).contains("responses.csv unchanged 5=3+2");
    assertThat(
            jdbc.queryForList(
                "select location from quarantine where job_execution_id = 4 order by location",
                String.class))
        .containsExactly("line 2", "line 6");

    // when a transcript and the project are deleted, half the transcripts and all of coding/ are
    // gone: by default the night removes nothing and says so
    Files.delete(folder.resolve("transcripts/P02.md"));
    Files.delete(folder.resolve("coding/pilot.qde"));
    night(5);
    assertThat(lines(5))
        .contains("transcripts/P02.md missing, kept 0=0+0", "coding/pilot.qde missing, kept 0=0+0");
    assertThat(jdbc.queryForList("select source_id from source order by source_id", String.class))
        .containsExactly("P01.txt", "P02.md");

    // and run with removal allowed, what they brought in goes too
    guard = new RemovalGuard(RemovalGuard.DEFAULTS.maxShare(), true);
    night(6);
    assertThat(lines(6))
        .contains("transcripts/P02.md removed 0=0+0", "coding/pilot.qde removed 0=0+0");
    assertThat(jdbc.queryForList("select source_id from source", String.class))
        .containsExactly("P01.txt");
    assertThat(count("select count(*) from imported_selection")).isZero();
    assertThat(count("select count(*) from imported_code")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void keepsEveryTranscriptWhenTheFolderVanishesAndSaysWhy(String database) throws Exception {
    // given a night that loaded both transcripts
    setUp(database);
    night(1);

    // when the transcripts folder is gone (an unmounted share) at the next night
    Files.move(folder.resolve("transcripts"), work.resolve("transcripts-elsewhere"));
    night(2);

    // then nothing is removed, and each vanished file is reported with the reason
    assertThat(lines(2))
        .contains(
            "transcripts/P01.txt missing, kept 0=0+0", "transcripts/P02.md missing, kept 0=0+0");
    assertThat(jdbc.queryForList("select source_id from source order by source_id", String.class))
        .containsExactly("P01.txt", "P02.md");
    assertThat(
            new InputLedger(jdbc, new QuarantineLog(jdbc))
                .forRun("clean", 2).stream()
                    .filter(l -> l.fileName().equals("transcripts/P01.txt"))
                    .map(InputLedger.RunLine::notes))
        .singleElement()
        .asString()
        .contains("transcripts/ is missing or empty")
        .contains("--allow-removal");
    // and a night later, still missing, still kept
    night(3);
    assertThat(count("select count(*) from source")).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void quarantinesHostileFilesInTheNightAndEveryNightCompletes(String database) throws Exception {
    // given small caps and, beside the clean inputs, a CSV line, a Word file and a project over
    // them, a link out of the study folder and a transcript in a site's subfolder
    setUp(database);
    limits =
        new InputLimits(
            org.springframework.util.unit.DataSize.ofKilobytes(64),
            org.springframework.util.unit.DataSize.ofKilobytes(64),
            org.springframework.util.unit.DataSize.ofKilobytes(256),
            100,
            org.springframework.util.unit.DataSize.ofBytes(200),
            org.springframework.util.unit.DataSize.ofMegabytes(1));
    Files.writeString(
        folder.resolve("responses.csv"),
        "x".repeat(300) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    HostileFiles.docxExpanding(folder.resolve("transcripts/P02-notes.docx"), 1024 * 1024);
    HostileFiles.qdpxBomb(folder.resolve("coding/bomb.qdpx"), 3, 1024 * 1024, true);
    Path outside = work.resolve("elsewhere.txt");
    Files.writeString(outside, "Interviewer: not part of the study\n");
    Files.createSymbolicLink(folder.resolve("transcripts/P01-link.txt"), outside);
    Files.createDirectories(folder.resolve("transcripts/site-A"));
    Files.move(folder.resolve("transcripts/P02.md"), folder.resolve("transcripts/site-A/P02.md"));

    // when two nights run (the second as a resumed or next night would)
    for (long night = 1; night <= 2; night++) {
      night(night);

      // then each night completes with every hostile file quarantined and the rest loaded
      assertThat(lines(night))
          .contains(
              "responses.csv " + (night == 1 ? "loaded" : "unchanged") + " 5=4+1",
              "transcripts/P01-link.txt loaded 1=0+1",
              "transcripts/P02-notes.docx " + (night == 1 ? "loaded" : "unchanged") + " 1=0+1",
              "transcripts/site-A/P02.md " + (night == 1 ? "loaded" : "unchanged") + " 1=1+0",
              "coding/bomb.qdpx " + (night == 1 ? "loaded" : "unchanged") + " 1=0+1");
    }
    assertThat(
            jdbc.queryForList(
                "select file_name || ': ' || location || ': ' || reason from quarantine"
                    + " where job_execution_id = 2 order by file_name",
                String.class))
        .satisfiesExactly(
            bomb -> assertThat(bomb).contains("coding/bomb.qdpx: file: the archive expands"),
            csv -> assertThat(csv).startsWith("responses.csv: line 6: the line is 300 characters"),
            link ->
                assertThat(link)
                    .isEqualTo(
                        "transcripts/P01-link.txt: file: a symbolic link to a file outside the"
                            + " study folder; refused (copy the file in instead)"),
            docx ->
                assertThat(docx)
                    .contains("transcripts/P02-notes.docx: file: the Word file's XML expands"));
    assertThat(jdbc.queryForList("select source_id from source order by source_id", String.class))
        .containsExactly("P01.txt", "site-A/P02.md");
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
