package org.triangulate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./triangulate} command line. */
@Command(
    name = "triangulate",
    mixinStandardHelpOptions = true,
    versionProvider = Triangulate.Version.class,
    description =
        "Nightly mixed-methods synthesis: ingests structured answers and transcripts, codes and indexes the transcripts in Elasticsearch, computes group statistics and patterns, and writes synthesis packs.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      ScheduleCommand.class,
      WorkerCommand.class,
      ServeCommand.class,
      EsCommand.class,
      ValidateCommand.class,
      HistoryCommand.class,
      GenerateDemoCommand.class,
      HashPasswordCommand.class,
      EvaluateCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Also: ./triangulate test   runs the test suite (mvn -B verify on a JDK 21+)."})
public final class Triangulate {

  /** PDFBox's zlib level for every stream it writes, read at each write. */
  public static final String PDF_DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

  public static void main(String[] args) {
    // Level 1 instead of zlib's default 6: pack PDFs render markedly faster for slightly larger
    // files. A level given with -D is kept.
    if (System.getProperty(PDF_DEFLATE_LEVEL) == null) {
      System.setProperty(PDF_DEFLATE_LEVEL, "1");
    }
    int exitCode =
        new CommandLine(new Triangulate())
            .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
              commandLine.getErr().println("triangulate: " + CommandFailure.describe(e));
              commandLine.getErr().println("(details in the log: data-out/logs/triangulate.log)");
              return CommandFailure.exitCode(e);
            })
            .execute(args);
    // The Elasticsearch client's I/O threads would keep the JVM alive.
    System.exit(exitCode);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Triangulate.class.getPackage().getImplementationVersion();
      return new String[] {"Triangulate " + (version == null ? "(development build)" : version)};
    }
  }
}
