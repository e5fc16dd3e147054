package org.triangulate.cli;

import java.util.concurrent.Callable;
import org.triangulate.node.EmbeddedElasticsearch;
import org.triangulate.node.RunningNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Manages the embedded Elasticsearch node. */
@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = "Starts, stops or reports the embedded Elasticsearch node (data-out/.es/).",
    subcommands = {EsCommand.Start.class, EsCommand.Stop.class, EsCommand.Status.class})
public class EsCommand {

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Starts the embedded node on 127.0.0.1 and leaves it running (as an unprivileged user when run as root).")
  static class Start implements Callable<Integer> {
    @Mixin CommonOptions options;

    @Override
    public Integer call() {
      RunningNode node = new Launch(options).embeddedElasticsearch().start();
      System.out.println(
          (node.startedNow() ? "Started" : "Already running:")
              + " Elasticsearch at "
              + node.url()
              + " (pid "
              + node.pid()
              + ")");
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stops the node this project started (by its PID file).")
  static class Stop implements Callable<Integer> {
    @Mixin CommonOptions options;

    @Override
    public Integer call() {
      boolean stopped = new Launch(options).embeddedElasticsearch().stop();
      System.out.println(
          stopped
              ? "Stopped the embedded Elasticsearch."
              : "The embedded Elasticsearch was not running.");
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Tells whether the embedded node runs and where (exit 3 when not).")
  static class Status implements Callable<Integer> {
    @Mixin CommonOptions options;

    @Override
    public Integer call() {
      EmbeddedElasticsearch es = new Launch(options).embeddedElasticsearch();
      return es.status()
          .map(node -> {
            System.out.println("Running at " + node.url() + " (pid " + node.pid() + ")");
            return 0;
          })
          .orElseGet(() -> {
            System.out.println("Not running.");
            return 3;
          });
    }
  }
}
