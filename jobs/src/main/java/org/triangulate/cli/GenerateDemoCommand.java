package org.triangulate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.triangulate.demo.DemoGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Regenerates the demo study (inputs and configuration) from a seed. */
@Command(
    name = "generate-demo",
    mixinStandardHelpOptions = true,
    description =
        "Writes the demo study from a seed: the inputs (cases, participants, responses, transcripts, a REFI-QDA project, planted.yml) in --out, and config/<study>/study.yml and codebook.yml for the study named after the --out folder. The same seed and scale give byte-identical files; --scale N (a whole or decimal number, at least 1) multiplies the participants (and so the words) without changing the design.")
public class GenerateDemoCommand implements Callable<Integer> {

  private static final int DEFAULT_SECOND_LANGUAGE_TRANSCRIPTS = 3;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Multiplies the participants of every case (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--out",
      defaultValue = "data-in/demo",
      paramLabel = "DIR",
      description =
          "Input folder to write; must be new, empty or an earlier generation (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--config-dir",
      defaultValue = "config",
      paramLabel = "DIR",
      description = "Where the study's configuration folder goes (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(
      names = "--wording",
      defaultValue = "demo",
      description =
          "Which wording of the topics interviewers ask and participants answer: demo, or paraphrased (questions that avoid the items' words), for checking item alignment on text it was not developed on (default: ${DEFAULT-VALUE}).")
  String wording;

  @Option(
      names = "--shuffle-topics",
      description =
          "Ask the domains, and the items within them, in a random order in each interview instead of the questionnaire's.")
  boolean shuffleTopics;

  @Option(
      names = "--topic-guide",
      description =
          "Write the study's topic guide into study.yml: under each item, as its prompts, the first of the questions interviewers ask about it (they ask it in those words or another).")
  boolean topicGuide;

  @Option(
      names = "--second-language",
      paramLabel = "LANG",
      description =
          "Interview some participants in a second language (fr): their transcripts, planted identifiers and passages are in that language, and study.yml declares it and its country. Off by default.")
  String secondLanguage;

  @Option(
      names = "--second-language-transcripts",
      paramLabel = "N",
      description =
          "How many participants' transcripts --second-language writes in that language (default: 3 with --second-language).")
  Integer secondLanguageTranscripts;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    DemoGenerator.Options options =
        new DemoGenerator.Options(
            seed,
            scale,
            out,
            configDir,
            wording,
            shuffleTopics,
            secondLanguage,
            secondLanguageTranscripts != null
                ? secondLanguageTranscripts
                : secondLanguage == null ? 0 : DEFAULT_SECOND_LANGUAGE_TRANSCRIPTS,
            topicGuide);
    DemoGenerator.Summary summary = new DemoGenerator().generate(options);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "Generated study %s (seed %d, scale %s) in %.1f s: %d cases, %d participants, %d response"
            + " rows, %d transcripts (%d .docx), %,d words.%n"
            + "  inputs: %s%n  config: %s%n",
        options.studyName(),
        summary.seed(),
        DemoGenerator.scaleText(summary.scale()),
        seconds,
        summary.cases(),
        summary.participants(),
        summary.responseRows(),
        summary.transcripts(),
        summary.docxTranscripts(),
        summary.words(),
        out,
        configDir.resolve(options.studyName()));
    if (options.secondLanguage() != null) {
      System.out.printf(
          "  %d transcripts in %s (planted.yml: second-language; study.yml declares it)%n",
          options.secondLanguageTranscripts(), options.secondLanguage());
    }
    return 0;
  }
}
