package org.triangulate.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;

/**
 * Checks every input of a study folder in memory with the nightly job's own rules, writing nothing:
 * the structured CSVs (each against the ones before it), the transcripts, the REFI-QDA projects and
 * their source mapping. Stateless.
 */
public final class StudyInputsCheck {

  /** The note on an input folder that is not there. */
  public static final String FOLDER_MISSING = "folder not found";

  /** The note on an input folder with no input in it. */
  public static final String FOLDER_EMPTY = "folder is empty";

  private StudyInputsCheck() {}

  /** Every input's load, in pipeline order; a required CSV that is absent is a problem. */
  public static List<InputLoad<?>> check(Path folder, Study study) {
    return check(folder, study, InputLimits.DEFAULTS);
  }

  public static List<InputLoad<?>> check(Path folder, Study study, InputLimits limits) {
    return check(folder, study, limits, text -> null);
  }

  /** As the night checks: {@code speakerCheck} notes a transcript whose turns look wrong. */
  public static List<InputLoad<?>> check(
      Path folder,
      Study study,
      InputLimits limits,
      java.util.function.UnaryOperator<String> speakerCheck) {
    List<InputLoad<?>> loads = new ArrayList<>();
    InputLoad<StagedCase> cases =
        csv(folder, StructuredInput.CASES, limits, file -> CsvInputLoader.cases(file, study));
    loads.add(cases);
    Set<String> caseIds =
        cases.loaded().stream().map(StagedCase::caseId).collect(Collectors.toSet());
    InputLoad<StagedParticipant> participants =
        csv(
            folder,
            StructuredInput.PARTICIPANTS,
            limits,
            file -> CsvInputLoader.participants(file, study, caseIds));
    loads.add(participants);
    Set<String> participantIds =
        participants.loaded().stream()
            .map(StagedParticipant::participantId)
            .collect(Collectors.toSet());
    loads.add(
        csv(
            folder,
            StructuredInput.RESPONSES,
            limits,
            file -> CsvInputLoader.responses(file, study, participantIds)));
    Map<String, Map<String, String>> transcripts = new HashMap<>();
    TranscriptLanguages languages = new TranscriptLanguages(study.languages());
    Path transcriptFolder = folder.resolve("transcripts");
    List<InputFiles.Listed> transcriptFiles = InputFiles.tree(transcriptFolder, folder);
    if (transcriptFiles.isEmpty()) {
      // A vanished or unmounted folder must not pass as "no problems": a night would find it too.
      loads.add(
          new InputLoad<>(
              TranscriptIngestTasklet.INPUT,
              TranscriptIngestTasklet.FOLDER,
              null,
              List.of(),
              List.of(),
              List.of(Files.isDirectory(transcriptFolder) ? FOLDER_EMPTY : FOLDER_MISSING)));
    }
    for (InputFiles.Listed listed : transcriptFiles) {
      if (listed.refusal() != null) {
        loads.add(StagedTranscript.quarantined(listed.name(), listed.refusal()));
        continue;
      }
      Path file = listed.path();
      InputLoad<StagedTranscript> load =
          StagedTranscript.read(
              listed.name(),
              file,
              StructuredInputTasklet.sha256(file),
              participantIds,
              languages,
              limits,
              speakerCheck);
      load.loaded()
          .forEach(t ->
              transcripts
                  .computeIfAbsent(t.source().participantId(), p -> new LinkedHashMap<>())
                  .put(t.source().sourceId(), t.source().text()));
      loads.add(load);
    }
    Path coding = folder.resolve("coding");
    Map<String, String> mapping = Map.of();
    Path mappingFile = coding.resolve(RefiQdaInputs.SOURCE_MAPPING);
    if (Files.isRegularFile(mappingFile)) {
      var sourceMapping = RefiQdaInputs.sourceMapping(mappingFile, participantIds, limits);
      mapping = sourceMapping.participantOfSource();
      loads.add(sourceMapping.load());
    }
    QdaImporter importer =
        new QdaImporter(study, participantIds, mapping, p -> transcripts.getOrDefault(p, Map.of()));
    for (Path file : RefiQdaInputs.projects(coding)) {
      String fileName = RefiQdaInputs.FOLDER + file.getFileName();
      loads.add(RefiQdaInputs.importFile(fileName, file, importer, limits).asLoad(null));
    }
    return loads;
  }

  private static <T> InputLoad<T> csv(
      Path folder,
      StructuredInput input,
      InputLimits limits,
      java.util.function.Function<CsvFile, InputLoad<T>> load) {
    Path file = folder.resolve(input.fileName());
    if (!Files.isRegularFile(file)) {
      return InputLoad.missing(input.input(), input.fileName());
    }
    return load.apply(CsvFileReader.read(file, input.fileName(), limits));
  }
}
