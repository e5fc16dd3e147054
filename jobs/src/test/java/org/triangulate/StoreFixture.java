package org.triangulate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A migrated throw-away store on H2 (in memory) or the machine's PostgreSQL (a new schema). */
public final class StoreFixture implements AutoCloseable {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  public final JdbcTemplate jdbc;
  private final String database;
  private final String schema;

  public StoreFixture(String database) throws SQLException {
    this.database = database;
    this.schema = "desktop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + database)
        .load()
        .migrate();
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** A segment of {@code source} spanning {@code [start, end)}. */
  public void segment(
      String id, String source, String participant, String role, int start, int end) {
    segment(id, source, participant, role, start, end, "=text of " + id);
  }

  /** A segment with the given de-identified text. */
  public void segment(
      String id,
      String source,
      String participant,
      String role,
      int start,
      int end,
      String deidentified) {
    jdbc.update(
        "insert into segment (study, segment_id, source_id, participant_id, turn_index,"
            + " speaker_role, start_offset, end_offset, sentence_count, body, lemmas,"
            + " deidentified_body) values ('s', ?, ?, ?, 0, ?, ?, ?, 1, ?, '', ?)",
        id,
        source,
        participant,
        role,
        start,
        end,
        "text of " + id,
        deidentified);
  }

  public void coding(String segment, String category, String provenance) {
    jdbc.update(
        "insert into coding (study, segment_id, category, provenance) values ('s', ?, ?, ?)",
        segment,
        category,
        provenance);
  }

  public void selection(
      String guid, String coder, String category, String source, int start, int end) {
    jdbc.update(
        "insert into imported_selection (study, project_file, selection_guid, code_guid, category,"
            + " source_id, start_offset, end_offset, provenance, coder)"
            + " values ('s', 'p.qdpx', ?, ?, ?, ?, ?, ?, 'imported:Tool', ?)",
        guid,
        "code-" + category,
        category,
        source,
        start,
        end,
        coder);
  }

  @Override
  public void close() throws SQLException {
    if (database.equals("postgresql")) {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
        c.createStatement().execute("drop schema " + schema + " cascade");
      }
    }
  }
}
