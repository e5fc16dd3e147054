package org.triangulate.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.triangulate.study.Study;

/**
 * Maps a read {@link QdaProject} onto the study. Codes merge into the study's categories: a code
 * whose name is a category's id or label is that category, any other becomes a category of its own
 * (id from its name) under the theme of its top-level code. Each source is matched to a participant
 * by {@code coding/sources.csv}, by its name, or by its text file's name. A selection lands on the
 * participant's transcript (the same text, or where the selected words are found nearest to their
 * position), or on the project's own text of the source, staged as a source of its own when the
 * participant has no transcript. Whatever cannot be placed is quarantined with the reason. Not
 * thread-safe (one per import).
 */
public final class QdaImporter {

  private final Study study;
  private final Set<String> participants;
  private final Map<String, String> sourceMapping;
  private final Function<String, Map<String, String>> transcriptsOf;

  /**
   * @param sourceMapping source name or guid (lower case) to participant id, from sources.csv
   * @param transcriptsOf a participant's transcripts: source id to canonical text
   */
  public QdaImporter(
      Study study,
      Set<String> participants,
      Map<String, String> sourceMapping,
      Function<String, Map<String, String>> transcriptsOf) {
    this.study = study;
    this.participants = Set.copyOf(participants);
    this.sourceMapping = Map.copyOf(sourceMapping);
    this.transcriptsOf = transcriptsOf;
  }

  public QdaImport importProject(String fileName, QdaProject project) {
    String provenance =
        truncate("imported:" + (project.origin() == null ? "REFI-QDA" : project.origin()), 200);
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (project.origin() != null) {
      notes.add("exported by " + project.origin());
    }
    notes.addAll(project.notes());
    if (project.countsUtf16Units()) {
      notes.add("positions read as UTF-16 units (as NVivo writes them)");
    }
    for (QuarantinedRecord skipped : project.skipped()) {
      quarantined.add(skipped.withInput("coding"));
    }
    Map<String, QdaImport.ImportedCode> codes =
        new CodebookMerge(study).merge(fileName, project, quarantined);
    List<StagedTranscript> staged = new ArrayList<>();
    List<QdaImport.ImportedSelection> selections = new ArrayList<>();
    for (QdaProject.Source source : project.sources()) {
      placeSource(fileName, project, source, codes, staged, selections, quarantined, notes);
    }
    if (project.codingCount() == 0 && project.skipped().isEmpty()) {
      notes.add("codebook only: " + codes.size() + " codes, no coded selections in the project");
    }
    return new QdaImport(
        fileName, provenance, List.copyOf(codes.values()), staged, selections, quarantined, notes);
  }

  private void placeSource(
      String fileName,
      QdaProject project,
      QdaProject.Source source,
      Map<String, QdaImport.ImportedCode> codes,
      List<StagedTranscript> staged,
      List<QdaImport.ImportedSelection> selections,
      List<QuarantinedRecord> quarantined,
      List<String> notes) {
    if (source.selections().isEmpty()) {
      return;
    }
    Optional<String> participant = participantOf(source);
    if (participant.isEmpty()) {
      quarantineAll(
          fileName,
          source,
          "source '"
              + source.name()
              + "' matches no participant: name it after one, or map it in coding/sources.csv",
          quarantined);
      return;
    }
    Map<String, String> transcripts = transcriptsOf.apply(participant.get());
    String projectText = source.text() == null ? null : TranscriptText.canonical(source.text());
    String stagedId = null;
    if (projectText == null && transcripts.isEmpty()) {
      quarantineAll(
          fileName,
          source,
          "source '"
              + source.name()
              + "' has no text in the project ("
              + source.textPath()
              + ") and participant "
              + participant.get()
              + " has no transcript",
          quarantined);
      return;
    }
    if (projectText == null) {
      // Notes reach the run report: the participant, not the source's or file's name.
      notes.add(
          "a source of participant "
              + participant.get()
              + " carries no text: positions applied to the participant's transcript");
    } else if (transcripts.isEmpty()) {
      stagedId = truncate(fileName + "#" + source.guid(), 200);
      byte[] bytes = projectText.getBytes(StandardCharsets.UTF_8);
      staged.add(
          new StagedTranscript(
              new SourceDocument(
                  stagedId,
                  participant.get(),
                  truncate(fileName + ":" + source.name(), 500),
                  DigestUtils.sha256Hex(bytes),
                  projectText),
              new StagedStudyStore.SourceOrigin(
                  "qdpx", "qdpx", TranscriptText.lineEndings(source.text()))));
    }
    for (QdaProject.Selection selection : source.selections()) {
      for (String codeGuid : selection.codeGuids()) {
        QdaImport.ImportedCode code = codes.get(codeGuid);
        try {
          if (code == null) {
            throw new InvalidRecordException(
                "coded to code " + codeGuid + ", which is not in the codebook");
          }
          Placement at = place(project, source, selection, projectText, stagedId, transcripts);
          selections.add(
              new QdaImport.ImportedSelection(
                  selection.guid(),
                  codeGuid,
                  code.category(),
                  at.sourceId(),
                  at.start(),
                  at.end(),
                  selection.coder()));
        } catch (InvalidRecordException | IndexOutOfBoundsException e) {
          quarantined.add(
              new QuarantinedRecord(
                  "coding",
                  fileName,
                  "selection " + selection.guid(),
                  e.getMessage()
                      + " (source '"
                      + source.name()
                      + "', code '"
                      + (code == null ? codeGuid : code.name())
                      + "')",
                  selection.name()));
        }
      }
    }
  }

  private record Placement(String sourceId, int start, int end) {}

  private Placement place(
      QdaProject project,
      QdaProject.Source source,
      QdaProject.Selection selection,
      String projectText,
      String stagedId,
      Map<String, String> transcripts) {
    if (projectText == null) {
      var first = transcripts.entrySet().iterator().next();
      int[] at =
          SelectionOffsets.toCanonical(
              first.getValue(),
              selection.start(),
              selection.end(),
              project.countsUtf16Units(),
              selection.name());
      return new Placement(first.getKey(), at[0], at[1]);
    }
    int[] at =
        SelectionOffsets.toCanonical(
            source.text(),
            selection.start(),
            selection.end(),
            project.countsUtf16Units(),
            selection.name());
    if (stagedId != null) {
      return new Placement(stagedId, at[0], at[1]);
    }
    String selected = projectText.substring(at[0], at[1]);
    for (var transcript : transcripts.entrySet()) {
      if (transcript.getValue().equals(projectText)) {
        return new Placement(transcript.getKey(), at[0], at[1]);
      }
    }
    for (var transcript : transcripts.entrySet()) {
      int[] found = nearest(transcript.getValue(), selected, at[0]);
      if (found != null) {
        return new Placement(transcript.getKey(), found[0], found[1]);
      }
    }
    // The reason names neither the text (it may hold a name) nor the transcript's file name: the
    // record column holds the selection as the project has it, for the person fixing it.
    throw new InvalidRecordException(
        "the selected text ("
            + selected.codePointCount(0, selected.length())
            + " characters at "
            + at[0]
            + "-"
            + at[1]
            + ") is not in the participant's "
            + (transcripts.size() == 1 ? "transcript" : transcripts.size() + " transcripts"));
  }

  /** Where the words occur in the text (spacing may differ), nearest to the expected offset. */
  static int[] nearest(String text, String selected, int expected) {
    String[] words = selected.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty() || selected.length() > 5000) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (String word : words) {
      regex.append(regex.isEmpty() ? "" : "\\s+").append(Pattern.quote(word));
    }
    Matcher m = Pattern.compile(regex.toString()).matcher(text);
    int[] best = null;
    while (m.find()) {
      if (best == null || Math.abs(m.start() - expected) < Math.abs(best[0] - expected)) {
        best = new int[] {m.start(), m.end()};
      }
    }
    return best;
  }

  private Optional<String> participantOf(QdaProject.Source source) {
    for (String key : List.of(source.guid(), source.name())) {
      String mapped = key == null ? null : sourceMapping.get(key.strip().toLowerCase(Locale.ROOT));
      if (mapped != null && participants.contains(mapped)) {
        return Optional.of(mapped);
      }
    }
    Optional<String> byName = ParticipantNames.participantOf(source.name(), participants);
    if (byName.isPresent() || source.textPath() == null) {
      return byName;
    }
    String path = source.textPath().replaceFirst("^.*[/:]", "");
    return ParticipantNames.participantOf(path, participants);
  }

  private static void quarantineAll(
      String fileName,
      QdaProject.Source source,
      String reason,
      List<QuarantinedRecord> quarantined) {
    for (QdaProject.Selection selection : source.selections()) {
      for (String ignored : selection.codeGuids()) {
        quarantined.add(
            new QuarantinedRecord(
                "coding", fileName, "selection " + selection.guid(), reason, selection.name()));
      }
    }
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
