package org.triangulate.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import org.triangulate.batch.NightlyJobConfiguration;
import org.triangulate.batch.NightlyRunner;
import org.triangulate.batch.RunReport;
import org.triangulate.node.RunningNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Keeps running and fires the nightly job on the configured cron. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description =
        "Keeps running and fires the nightly job on triangulate.run.schedule-cron (default 02:00 local"
            + " time), logging each run; a failed run does not stop the schedule. SIGTERM or Ctrl-C"
            + " stops a running job cleanly at its next chunk (resume it with ./triangulate run).")
public class ScheduleCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);
  private static final long STOP_GRACE_MINUTES = 10;

  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    Launch launch = new Launch(options);
    CronExpression cron = CronExpression.parse(launch.properties().run().scheduleCron());
    Optional<RunningNode> node = launch.ensureElasticsearch();
    ConfigurableApplicationContext context = launch.boot(WebApplicationType.NONE);
    NightlyRunner runner = context.getBean(NightlyRunner.class);
    JobOperator operator = context.getBean(JobOperator.class);
    CountDownLatch shutdown = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              shutdown.countDown();
              stopRunningJobs(operator);
              awaitQuietly(finished);
              context.close();
              node.filter(RunningNode::startedNow)
                  .ifPresent(n -> launch.embeddedElasticsearch().stop());
            }));
    try {
      while (shutdown.getCount() > 0) {
        LocalDateTime next = cron.next(LocalDateTime.now());
        announce("Next run at " + next);
        long waitMillis = java.time.Duration.between(LocalDateTime.now(), next).toMillis();
        if (shutdown.await(Math.max(0, waitMillis), TimeUnit.MILLISECONDS)) {
          break;
        }
        runOnce(runner);
      }
    } finally {
      finished.countDown();
    }
    return 0;
  }

  private static void runOnce(NightlyRunner runner) {
    try {
      RunReport report = runner.run(LocalDate.now());
      announce(report.toText());
    } catch (Exception e) {
      // One bad night must not end the schedule; the next night (or a manual run) resumes it.
      log.error("Nightly run failed", e);
      announce("Nightly run failed: " + e.getMessage());
    }
  }

  private static void stopRunningJobs(JobOperator operator) {
    try {
      for (Long execution : operator.getRunningExecutions(NightlyJobConfiguration.JOB_NAME)) {
        announce("Stopping execution " + execution + " at its next chunk…");
        operator.stop(execution);
      }
    } catch (Exception e) {
      log.warn("Could not stop the running job cleanly: {}", e.getMessage());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(STOP_GRACE_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void announce(String message) {
    log.info(message);
    System.out.println(LocalDateTime.now().withNano(0) + "  " + message);
  }
}
