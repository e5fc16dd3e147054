package org.triangulate.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.triangulate.batch.NightlyJobParameters;
import org.triangulate.batch.NightlyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists past runs from the job repository. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists the study's past runs from the job repository, newest first.")
public class HistoryCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many runs to list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--changes",
      description =
          "Print what changed between the latest night kept and the one before it (patterns,"
              + " items, new transcripts) instead of the list of runs.")
  boolean changes;

  @Override
  public Integer call() {
    Launch launch = new Launch(options);
    try (ConfigurableApplicationContext context = launch.boot(WebApplicationType.NONE)) {
      if (changes) {
        NightChangesPrinter.print(context, System.out);
        SpringApplication.exit(context);
        return 0;
      }
      System.out.printf(
          "%-6s %-10s %-5s %-10s %-19s %8s  %s%n",
          "run", "date", "rerun", "status", "started", "seconds", "exit");
      for (JobExecution e : context.getBean(NightlyRunner.class).history(limit)) {
        long seconds =
            e.getStartTime() == null || e.getEndTime() == null
                ? 0
                : Duration.between(e.getStartTime(), e.getEndTime()).toSeconds();
        System.out.printf(
            "%-6d %-10s %-5s %-10s %-19s %8d  %s%n",
            e.getId(),
            e.getJobParameters().getLocalDate(NightlyJobParameters.RUN_DATE),
            e.getJobParameters().getLong(NightlyJobParameters.RERUN, 0L),
            e.getStatus(),
            e.getStartTime() == null ? "" : e.getStartTime().withNano(0),
            seconds,
            e.getExitStatus().getExitCode());
      }
      SpringApplication.exit(context);
    }
    return 0;
  }
}
