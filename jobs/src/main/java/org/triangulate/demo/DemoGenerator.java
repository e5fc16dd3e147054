package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.triangulate.study.Study;

/**
 * Generates the demo study: writes its configuration ({@code <configDir>/<study>/study.yml}, {@code
 * codebook.yml}) and a complete input folder (cases, participants, responses, transcripts, a
 * REFI-QDA project, planted.yml, README.md). The same seed and scale give byte-identical files; the
 * scale multiplies participants and leaves the design alone. Stateless; each call reads the design
 * and phrase bank afresh.
 */
public final class DemoGenerator {

  /**
   * Where and how to generate; the study is named after the input folder.
   *
   * @param wording {@link #DEMO_WORDING} for the phrase bank's own topics, {@link
   *     #PARAPHRASED_WORDING} for a second wording whose questions avoid the items' words
   * @param shuffledTopics domains, and items within them, in a random order per interview instead
   *     of the questionnaire's
   * @param secondLanguage null, or a language of {@link #SECOND_LANGUAGES} in which {@code
   *     secondLanguageTranscripts} of the participants are interviewed (the study then declares it)
   */
  public record Options(
      long seed,
      double scale,
      Path out,
      Path configDir,
      String wording,
      boolean shuffledTopics,
      String secondLanguage,
      int secondLanguageTranscripts,
      boolean topicGuide) {
    public Options {
      if (scale < 1) {
        throw new IllegalArgumentException(
            "--scale must be at least 1 (was " + scaleText(scale) + ")");
      }
      wording = wording == null ? DEMO_WORDING : wording;
      if (!WORDINGS.contains(wording)) {
        throw new IllegalArgumentException(
            "--wording must be one of " + WORDINGS + " (was " + wording + ")");
      }
      if (secondLanguage != null && !SECOND_LANGUAGES.contains(secondLanguage)) {
        throw new IllegalArgumentException(
            "--second-language must be one of "
                + SECOND_LANGUAGES
                + " (was "
                + secondLanguage
                + ")");
      }
      if (secondLanguage == null ? secondLanguageTranscripts != 0 : secondLanguageTranscripts < 1) {
        throw new IllegalArgumentException(
            secondLanguage == null
                ? "--second-language-transcripts needs --second-language"
                : "--second-language-transcripts must be at least 1 (was "
                    + secondLanguageTranscripts
                    + ")");
      }
    }

    public Options(
        long seed,
        double scale,
        Path out,
        Path configDir,
        String wording,
        boolean shuffledTopics,
        String secondLanguage,
        int secondLanguageTranscripts) {
      this(
          seed,
          scale,
          out,
          configDir,
          wording,
          shuffledTopics,
          secondLanguage,
          secondLanguageTranscripts,
          false);
    }

    public Options(
        long seed, double scale, Path out, Path configDir, String wording, boolean shuffledTopics) {
      this(seed, scale, out, configDir, wording, shuffledTopics, null, 0);
    }

    public Options(long seed, double scale, Path out, Path configDir) {
      this(seed, scale, out, configDir, DEMO_WORDING, false);
    }

    public String studyName() {
      return out.toAbsolutePath().normalize().getFileName().toString();
    }
  }

  public static final String DEMO_WORDING = "demo";
  public static final String PARAPHRASED_WORDING = "paraphrased";
  static final List<String> WORDINGS = List.of(DEMO_WORDING, PARAPHRASED_WORDING);

  /** The languages with a phrase bank and identifying details in resources/demo/variants/. */
  public static final List<String> SECOND_LANGUAGES = List.of("fr");

  /** What was generated. */
  public record Summary(
      long seed,
      double scale,
      int cases,
      int participants,
      int responseRows,
      int transcripts,
      int docxTranscripts,
      long words) {}

  /** A scale as people write it: 1, 1.5, 15. */
  public static String scaleText(double scale) {
    return java.math.BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
  }

  /** A scale for YAML: a whole number stays one, so scale 1 writes what it always wrote. */
  static Number scaleNumber(double scale) {
    return scale == Math.rint(scale) ? (Number) (long) scale : (Number) scale;
  }

  public Summary generate(Options options) {
    DemoDesign design = DemoDesign.load();
    PhraseBank bank = PhraseBank.load(options.wording());
    Seeds seeds = new Seeds(options.seed());
    String name = options.studyName();
    LocalIdentifiers local =
        options.secondLanguage() == null ? null : LocalIdentifiers.load(options.secondLanguage());
    Study study =
        StudyConfigWriter.write(
            options.configDir(), name, local, options.topicGuide() ? bank : null);
    DesignCheck.against(design, bank, study);
    PhraseBank secondBank = local == null ? null : PhraseBank.inLanguage(options.secondLanguage());
    if (secondBank != null) {
      DesignCheck.against(design, secondBank, study);
    }
    Path out = prepare(options.out());

    List<DemoParticipant> participants = ParticipantPlanner.plan(design, options.scale(), seeds);
    TranscriptSetWriter.SecondLanguage second = null;
    if (local != null) {
      if (options.secondLanguageTranscripts() > participants.size()) {
        throw new IllegalArgumentException(
            "--second-language-transcripts "
                + options.secondLanguageTranscripts()
                + " is more than the study's "
                + participants.size()
                + " participants");
      }
      // A stream of its own, so every other draw is the one a study without it makes.
      Set<String> ids = new HashSet<>();
      Draw.sample(
              seeds.stream("second-language"), participants, options.secondLanguageTranscripts())
          .forEach(p -> ids.add(p.id()));
      second = new TranscriptSetWriter.SecondLanguage(secondBank, local, ids);
    }
    List<DemoAnswer> answers = new ResponsePlanner(design, study, seeds).plan(participants);
    CsvInputsWriter.cases(out.resolve("cases.csv"), design, study);
    CsvInputsWriter.participants(
        out.resolve("participants.csv"), participants, design.stakeholderGroupAttribute());
    CsvInputsWriter.responses(out.resolve("responses.csv"), answers);

    Set<String> planted = new HashSet<>();
    design.patterns().stream()
        .filter(p -> !"NONE".equals(p.type()))
        .forEach(p -> planted.addAll(p.items()));
    InterviewComposer composer =
        new InterviewComposer(bank, design, study, planted, options.shuffledTopics());
    TranscriptSetWriter.Written transcripts =
        new TranscriptSetWriter(bank, design, composer, seeds, second)
            .write(out.resolve("transcripts"), participants, answers, options.scale());

    List<QdpxWriter.Source> coded =
        Draw.sample(
                seeds.stream("qdpx/sources"),
                transcripts.transcripts().stream().filter(t -> t.file().endsWith(".txt")).toList(),
                (int) Math.round(design.transcripts().qdpxSources() * options.scale()))
            .stream()
            .sorted(Comparator.comparing(PlantedTruthWriter.TranscriptTruth::file))
            .map(t ->
                new QdpxWriter.Source(Path.of(t.file()).getFileName().toString(), t.transcript()))
            .toList();
    byte[] qdpx =
        new QdpxWriter(study.codebook(), design.transcripts().qdpxOwnCode(), options.seed())
            .write(name, coded, seeds.stream("qdpx/codings"));
    write(out.resolve("coding").resolve(name + ".qdpx"), qdpx);

    Summary summary =
        new Summary(
            options.seed(),
            options.scale(),
            design.cases().size(),
            participants.size(),
            answers.size(),
            transcripts.transcripts().size(),
            transcripts.docx().size(),
            transcripts.words());
    PlantedTruthWriter.write(
        out.resolve("planted.yml"),
        summary,
        design,
        transcripts.transcripts(),
        local == null ? null : local.language(),
        transcripts.secondLanguage());
    DemoReadmeWriter.write(
        out.resolve("README.md"), summary, design, study, participants, transcripts, coded, local);
    return summary;
  }

  /**
   * Creates the folder, or empties what an earlier generation wrote in it; refuses a folder that
   * holds something else, so a mistyped --out cannot wipe real study data.
   */
  private static Path prepare(Path out) {
    try {
      if (Files.isDirectory(out)) {
        boolean empty;
        try (Stream<Path> entries = Files.list(out)) {
          empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(out.resolve("planted.yml"))) {
          throw new IllegalArgumentException(
              out
                  + " is not empty and holds no planted.yml from an earlier generation;"
                  + " choose an empty or new folder");
        }
        for (String folder : List.of("transcripts", "coding")) {
          deleteTree(out.resolve(folder));
        }
      }
      Files.createDirectories(out.resolve("transcripts"));
      Files.createDirectories(out.resolve("coding"));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
