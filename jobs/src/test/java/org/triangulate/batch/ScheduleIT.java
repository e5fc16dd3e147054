package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./triangulate schedule} as a process: fires the job on its cron, keeps going after a
 * failed night, and on SIGTERM exits leaving no execution marked running.
 */
class ScheduleIT {

  private static final PipelineTestSupport support = new PipelineTestSupport();

  @AfterAll
  static void dropSchema() throws Exception {
    support.dropSchema();
  }

  @Test
  void firesOnItsCronSurvivesAFailedNightAndStopsCleanlyOnSigterm() throws Exception {
    // given an output location where the packs folder cannot be created, so every night fails late
    Path packs = support.out.resolve("demo/packs");
    Files.createDirectories(packs.getParent());
    Files.writeString(packs, "in the way");
    // and a schedule firing every 10 seconds
    Process schedule = startSchedule("*/10 * * * * *");
    try {
      // when two nights have been attempted
      awaitFailedExecutions(2, schedule);

      // then the schedule is still alive after its failed nights
      assertThat(schedule.isAlive()).isTrue();
      assertThat(Files.readString(support.out.resolve("schedule.out")))
          .contains("Run 1 of study demo: FAILED")
          .contains("Next run at");
    } finally {
      // when it gets SIGTERM
      schedule.destroy();
      assertThat(schedule.waitFor(3, TimeUnit.MINUTES)).as("exits after SIGTERM").isTrue();
    }
    // then nothing is left marked running
    assertThat(
            query(
                "select count(*) from batch_job_execution where status in ('STARTING', 'STARTED', 'STOPPING')"))
        .isZero();
    assertThat(query("select count(*) from run_lock")).isZero();
  }

  private Process startSchedule(String cron) throws Exception {
    return support.startTriangulate(
        "schedule",
        "schedule",
        "--study",
        "demo",
        "--set",
        "triangulate.run.schedule-cron=" + cron);
  }

  private void awaitFailedExecutions(int failed, Process schedule) throws Exception {
    for (int i = 0; i < 1200 && schedule.isAlive(); i++) {
      if (tableExists()
          && query("select count(*) from batch_job_execution where status = 'FAILED'") >= failed) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the schedule did not attempt "
            + failed
            + " nights; see "
            + support.out.resolve("schedule.out"));
  }

  private boolean tableExists() throws Exception {
    return query(
            "select count(*) from information_schema.tables where table_schema = '"
                + support.schema
                + "' and table_name = 'batch_job_execution'")
        == 1;
  }

  private long query(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(support.jdbcUrl(), PipelineTestSupport.POSTGRES_USER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
