package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A transcript file checked and read, ready to stage: its source document and where it came from.
 * {@link #read} applies the same rules for the nightly job and {@code validate}.
 */
public record StagedTranscript(SourceDocument source, StagedStudyStore.SourceOrigin origin) {

  /**
   * One transcript file as one record: loaded, or quarantined with the reason (no participant of
   * that name, unsupported type, unreadable, empty).
   */
  public static InputLoad<StagedTranscript> read(
      String shortName, byte[] bytes, String sha256, Set<String> participants) {
    String fileName = TranscriptIngestTasklet.FOLDER + shortName;
    List<String> notes = new ArrayList<>();
    try {
      if (!TranscriptText.TYPES.contains(TranscriptText.extension(shortName))) {
        // The type is the more basic problem: report it before the name.
        TranscriptText.read(shortName, bytes);
      }
      String participantId =
          ParticipantNames.participantOf(shortName, participants)
              .orElseThrow(() ->
                  new InvalidRecordException(
                      "file name '"
                          + shortName
                          + "' names no participant in participants.csv (name it <participant_id>.txt,"
                          + " .md or .docx)"));
      TranscriptText text = TranscriptText.read(shortName, bytes);
      if (text.note() != null) {
        notes.add(text.note());
      }
      SourceDocument source =
          new SourceDocument(shortName, participantId, shortName, sha256, text.text());
      return new InputLoad<>(
          TranscriptIngestTasklet.INPUT,
          fileName,
          text.encoding(),
          List.of(
              new StagedTranscript(
                  source,
                  new StagedStudyStore.SourceOrigin(
                      "transcript", text.format(), text.lineEndings()))),
          List.of(),
          notes);
    } catch (InvalidRecordException e) {
      return new InputLoad<>(
          TranscriptIngestTasklet.INPUT,
          fileName,
          null,
          List.of(),
          List.of(
              new QuarantinedRecord(
                  TranscriptIngestTasklet.INPUT, fileName, "file", e.getMessage(), null)),
          notes);
    }
  }
}
