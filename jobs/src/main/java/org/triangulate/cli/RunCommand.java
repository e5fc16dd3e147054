package org.triangulate.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.triangulate.batch.NightlyRunner;
import org.triangulate.batch.RunReport;
import org.triangulate.node.RunningNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the nightly job once. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the nightly job once on data-in/<study>/, writing to data-out/<study>/. Starts the embedded Elasticsearch when no external cluster is configured. A failed run of the same date is resumed from the step that failed; a completed one is run again as a rerun.")
public class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The night being run (default: today).")
  LocalDate runDate;

  @Option(
      names = "--restart",
      description =
          "Only resume the latest night if it failed or was killed; do nothing when it completed.")
  boolean restartOnly;

  @Option(
      names = "--keep-es",
      description =
          "Leave the embedded Elasticsearch running afterwards (default: stop it if this run started it).")
  boolean keepElasticsearch;

  @Option(
      names = "--allow-removal",
      description =
          "Let this night remove what vanished inputs loaded before, even when a whole input folder or file vanished or more than triangulate.removal.max-share of a folder's files did (refused by default: an unmounted share is not a deletion).")
  boolean allowRemoval;

  @Override
  public Integer call() throws Exception {
    if (allowRemoval) {
      options.overrides.put("triangulate.removal.allowed", "true");
    }
    LocalDate night = runDate == null ? LocalDate.now() : runDate;
    return runNightly(
        options,
        keepElasticsearch,
        false,
        runner -> restartOnly ? runner.restartLatest() : Optional.of(runner.run(night)));
  }

  /** What a command asks of the runner; empty when there was nothing to do. */
  interface Night {
    Optional<RunReport> run(NightlyRunner runner) throws Exception;
  }

  static int runNightly(
      CommonOptions options, boolean keepElasticsearch, boolean explain, Night night)
      throws Exception {
    Launch launch = new Launch(options);
    Optional<RunningNode> node = launch.ensureElasticsearch();
    RunReport report;
    try (ConfigurableApplicationContext context = launch.boot(WebApplicationType.NONE)) {
      Optional<RunReport> done = night.run(context.getBean(NightlyRunner.class));
      if (done.isEmpty()) {
        System.out.println("Nothing to resume: the latest night completed.");
        SpringApplication.exit(context);
        return 0;
      }
      report = done.get();
      System.out.print(report.toText());
      System.out.println(
          org.triangulate.batch.ChangesSummary.of(
              context
                  .getBean(org.triangulate.batch.RunReportListener.class)
                  .runDirectory(report.runId())
                  .resolve("changes.txt")));
      if (explain && report.succeeded()) {
        System.out.println(
            "Search the extracts: ./triangulate serve"
                + (options.study == null ? "" : " --study " + options.study)
                + "   then open http://127.0.0.1:"
                + context.getEnvironment().getProperty("server.port", "8080")
                + "/");
      }
      SpringApplication.exit(context);
    } finally {
      node.filter(RunningNode::startedNow)
          .ifPresent(started -> {
            if (keepElasticsearch) {
              System.out.println(
                  "Elasticsearch left running at "
                      + started.url()
                      + " (pid "
                      + started.pid()
                      + "); stop it with ./triangulate es stop");
            } else {
              launch.embeddedElasticsearch().stop();
            }
          });
    }
    return report.succeeded() ? 0 : 1;
  }
}
