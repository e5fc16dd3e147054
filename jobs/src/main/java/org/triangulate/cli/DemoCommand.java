package org.triangulate.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The quick start: the nightly job on the bundled demo study. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the whole nightly pipeline on the bundled demo study (data-in/demo/) with the embedded Elasticsearch, then prints the run report, where the synthesis pack is and how to search.")
public class DemoCommand implements Callable<Integer> {

  @Option(names = "--keep-es", description = "Leave the embedded Elasticsearch running afterwards.")
  boolean keepElasticsearch;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key, e.g. --set triangulate.elasticsearch.port=9201.")
  java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    CommonOptions options = new CommonOptions();
    options.study = "demo";
    options.overrides.putAll(overrides);
    return RunCommand.runNightly(
        options, keepElasticsearch, true, runner -> Optional.of(runner.run(LocalDate.now())));
  }
}
