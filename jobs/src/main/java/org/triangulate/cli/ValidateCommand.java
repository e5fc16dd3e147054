package org.triangulate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.triangulate.TriangulateProperties;
import org.triangulate.ingest.InputLoad;
import org.triangulate.ingest.QuarantinedRecord;
import org.triangulate.ingest.StagedTranscript;
import org.triangulate.ingest.StudyInputsCheck;
import org.triangulate.ingest.TranscriptIngestTasklet;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.PassageLanguages;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Checks a study's configuration and every input without touching the store or the index, using the
 * nightly job's own rules, and prints every problem grouped by file. {@code --study} takes a study
 * name or a study folder ({@code data-in/demo}, or a copy anywhere). Exit 0: all valid; 1: some
 * records would be quarantined or a required input is missing; 2: the configuration is invalid.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks config/<study>/ and every input in data-in/<study>/ (cases, participants, responses, transcripts, coding/*.qdpx) with the nightly job's rules and prints every problem grouped by file, with line, column and value. --study takes a name or a folder (e.g. data-in/demo or a copy elsewhere; its config is config/<folder name>/ unless the folder holds study.yml). Writes nothing. Exit 0: all valid; 1: problems found; 2: the configuration is invalid.")
public class ValidateCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    studyFolderAsOptions();
    TriangulateProperties properties = new Launch(options).properties();
    Study study = new StudyLoader().load(properties.configDir(), properties.study());
    System.out.println(
        "Configuration of study "
            + study.name()
            + " is valid: "
            + study.items().size()
            + " items, "
            + study.groupings().size()
            + " groupings, "
            + study.codebook().categories().count()
            + " categories, "
            + study.packs().size()
            + " packs.");
    Path folder = properties.studyInput(study.name());
    System.out.println("Inputs in " + folder + ":");
    List<InputLoad<?>> loads =
        StudyInputsCheck.check(
            folder,
            study,
            properties.input(),
            new org.triangulate.nlp.SpeakerTurnSegmenter(
                    properties.nlp().interviewerLabels(), properties.nlp().participantLabels())
                ::interviewerProblem);
    int problems = 0;
    int files = 0;
    List<InputLoad<?>> transcripts =
        loads.stream()
            .filter(l -> l.input().equals(TranscriptIngestTasklet.INPUT))
            .filter(l -> !l.fileName().equals(TranscriptIngestTasklet.FOLDER))
            .toList();
    boolean transcriptsShown = false;
    for (InputLoad<?> load : loads) {
      boolean missing =
          load.encoding() == null
              && (load.notes().contains("file not found")
                  || load.notes().contains(StudyInputsCheck.FOLDER_MISSING)
                  || load.notes().contains(StudyInputsCheck.FOLDER_EMPTY));
      int here = load.quarantined().size() + (missing ? 1 : 0);
      problems += here;
      files += here > 0 ? 1 : 0;
      boolean transcript =
          load.input().equals(TranscriptIngestTasklet.INPUT)
              && !load.fileName().equals(TranscriptIngestTasklet.FOLDER);
      if (transcript && !transcriptsShown) {
        transcriptsShown = true;
        long valid = transcripts.stream().mapToLong(t -> t.loaded().size()).sum();
        System.out.println(
            "  "
                + TranscriptIngestTasklet.FOLDER
                + ": "
                + transcripts.size()
                + " file(s), "
                + valid
                + " valid"
                + (valid < transcripts.size()
                    ? ", " + (transcripts.size() - valid) + " problem(s)"
                    : ""));
        languageLines(study, transcripts).forEach(System.out::println);
      }
      if (transcript && load.quarantined().isEmpty() && load.notes().isEmpty()) {
        continue;
      }
      System.out.println(transcript ? "  " + load.fileName() + ":" : summary(load, missing));
      for (QuarantinedRecord record : load.quarantined()) {
        System.out.println("    " + record.location() + ": " + record.reason());
      }
      for (String note : load.notes()) {
        if (!missing) {
          System.out.println("    note: " + note);
        }
      }
    }
    System.out.println(
        problems == 0
            ? "No problems found."
            : problems + " problem(s) in " + files + " file(s); each would be quarantined.");
    return problems == 0 ? 0 : 1;
  }

  /**
   * Each transcript's language, grouped by language: {@code en (English) 2: P01.txt, P02.txt}; a
   * transcript told apart in no language is marked with the shares seen.
   */
  static List<String> languageLines(Study study, List<InputLoad<?>> transcripts) {
    java.util.Map<String, List<String>> byLanguage = new java.util.TreeMap<>();
    for (InputLoad<?> load : transcripts) {
      for (Object loaded : load.loaded()) {
        if (loaded instanceof StagedTranscript t && t.language() != null) {
          LanguageVerdict v = t.language();
          String file =
              t.source().fileName()
                  + (v.outcome() == LanguageVerdict.Outcome.UNDETECTABLE
                      ? " (not told apart: " + v.sharesText() + ")"
                      : "");
          byLanguage.computeIfAbsent(v.language(), l -> new java.util.ArrayList<>()).add(file);
        }
      }
    }
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        "    languages (study declares "
            + String.join(", ", study.languages().declared())
            + "; default "
            + study.languages().defaultLanguage()
            + "):");
    byLanguage.forEach((language, files) ->
        lines.add(
            "      "
                + language
                + " ("
                + PassageLanguages.name(language)
                + ") "
                + files.size()
                + ": "
                + String.join(", ", files)));
    return lines;
  }

  private static String summary(InputLoad<?> load, boolean missing) {
    if (missing && load.fileName().endsWith("/")) {
      return "  "
          + load.fileName()
          + ": "
          + load.notes().getFirst()
          + " (not mounted?); a night keeps the transcripts it loaded before and reports them,"
          + " removing none unless run with --allow-removal";
    }
    if (missing) {
      return "  " + load.fileName() + ": missing";
    }
    return "  "
        + load.fileName()
        + ": "
        + load.read()
        + " read, "
        + load.loaded().size()
        + " valid"
        + (load.quarantined().isEmpty() ? "" : ", " + load.quarantined().size() + " problem(s)")
        + (load.encoding() == null ? "" : " (" + load.encoding() + ")");
  }

  /**
   * {@code --study data-in/demo}: a folder rather than a name. Its name is the study; its parent is
   * where inputs are read; its own study.yml, if any, is the configuration.
   */
  private void studyFolderAsOptions() {
    if (options.study == null || !(options.study.contains("/") || options.study.contains("\\"))) {
      return;
    }
    Path folder = Path.of(options.study).toAbsolutePath().normalize();
    options.study = folder.getFileName().toString();
    options.overrides.put("triangulate.data-in", folder.getParent().toString());
    if (Files.isRegularFile(folder.resolve("study.yml"))) {
      options.overrides.put("triangulate.config-dir", folder.getParent().toString());
    }
  }
}
