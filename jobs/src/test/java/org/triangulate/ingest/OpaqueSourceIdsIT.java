package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Opaque source ids on both stores (H2 and the real PostgreSQL): sources staged before they existed
 * get one from the migration, a new source gets one when staged, and it stays while the source
 * keeps its participant.
 */
class OpaqueSourceIdsIT {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String OPAQUE = "P008-[0-9a-f]{12}";

  private String schema;

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void sourcesStagedBeforeGetAnOpaqueIdAndNewOnesWhenStaged(String vendor) throws Exception {
    // given a store of the version before opaque ids, holding a transcript named after its person
    DataSource dataSource = dataSource(vendor);
    migrate(dataSource, vendor, "6");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update(
        "insert into source (study, source_id, participant_id, file_name, sha256, char_count, body)"
            + " values ('s', 'P008 Jane Smith interview.txt', 'P008', 'P008 Jane Smith"
            + " interview.txt', 'aa', 3, 'Hi.')");

    // when the store is migrated
    migrate(dataSource, vendor, "latest");

    // then the source has an opaque id of its participant
    String migrated = opaqueId(jdbc, "P008 Jane Smith interview.txt");
    assertThat(migrated).matches(OPAQUE);

    // and a source staged now gets its own, kept when its text changes
    StagedStudyStore store = new StagedStudyStore(jdbc);
    StagedStudyStore.SourceOrigin origin =
        new StagedStudyStore.SourceOrigin("transcript", "txt", "LF");
    store.upsertSource(
        "s",
        new SourceDocument("P008 second.txt", "P008", "P008 second.txt", "bb", "Hello."),
        origin);
    String staged = opaqueId(jdbc, "P008 second.txt");
    assertThat(staged).matches(OPAQUE).isNotEqualTo(migrated);
    store.upsertSource(
        "s",
        new SourceDocument("P008 second.txt", "P008", "P008 second.txt", "cc", "Hello again."),
        origin);
    assertThat(opaqueId(jdbc, "P008 second.txt")).isEqualTo(staged);

    // and one that moves to another participant gets an id of the new one
    store.upsertSource(
        "s",
        new SourceDocument("P008 second.txt", "P009", "P008 second.txt", "dd", "Hello."),
        origin);
    assertThat(opaqueId(jdbc, "P008 second.txt")).matches("P009-[0-9a-f]{12}");
    assertThat(OpaqueSourceIds.ofTranscriptFiles(jdbc, "s"))
        .containsEntry("transcripts/P008 Jane Smith interview.txt", migrated);
  }

  private static String opaqueId(JdbcTemplate jdbc, String sourceId) {
    return jdbc.queryForObject(
        "select opaque_id from source where study = 's' and source_id = ?", String.class, sourceId);
  }

  private DataSource dataSource(String vendor) throws Exception {
    if (vendor.equals("postgresql")) {
      schema =
          "triangulate_opaque_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("create schema " + schema);
      }
      return new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema, "postgres", "");
    }
    return new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static void migrate(DataSource dataSource, String vendor, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .target(target)
        .load()
        .migrate();
  }
}
