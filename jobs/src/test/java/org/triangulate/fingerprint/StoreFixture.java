package org.triangulate.fingerprint;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 store with the project's migrations, and sources staged into it. */
final class StoreFixture {

  final JdbcTemplate jdbc;

  StoreFixture() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:fingerprint_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  /** A transcript as annotated at {@code sha256} with {@code settings}. */
  void source(String sourceId, String sha256, String settings) {
    jdbc.update("delete from source where study = 'demo' and source_id = ?", sourceId);
    jdbc.update(
        "insert into source (study, source_id, opaque_id, participant_id, file_name, sha256,"
            + " char_count, body, annotated_sha256, annotated_with)"
            + " values ('demo', ?, ?, ?, ?, ?, 4, 'text', ?, ?)",
        sourceId,
        sourceId,
        sourceId,
        sourceId + ".txt",
        sha256,
        sha256,
        settings);
  }
}
