package org.triangulate.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.PassageLanguages;
import org.triangulate.language.TranscriptLanguages;

/**
 * A transcript file checked and read, ready to stage: its source document, where it came from and
 * what its language came out as (null when not told: a text from a REFI-QDA project, annotated in
 * the study's default language). {@link #read} applies the same rules for the nightly job and
 * {@code validate}.
 */
public record StagedTranscript(
    SourceDocument source, StagedStudyStore.SourceOrigin origin, LanguageVerdict language) {

  /** Where a transcript refused for its language is quarantined ({@code location} column). */
  public static final String LANGUAGE_LOCATION = "language";

  public StagedTranscript(SourceDocument source, StagedStudyStore.SourceOrigin origin) {
    this(source, origin, null);
  }

  /** One transcript file as one record, its language not told (see the other {@code read}). */
  public static InputLoad<StagedTranscript> read(
      String shortName, byte[] bytes, String sha256, Set<String> participants) {
    return read(shortName, bytes, sha256, participants, null);
  }

  public static InputLoad<StagedTranscript> read(
      String shortName,
      byte[] bytes,
      String sha256,
      Set<String> participants,
      TranscriptLanguages languages) {
    return read(shortName, bytes, sha256, participants, languages, InputLimits.DEFAULTS);
  }

  /**
   * A transcript file read from disk only when it is within {@code max-transcript-size}; one that
   * is larger, or that cannot be read, is one quarantined record.
   */
  public static InputLoad<StagedTranscript> read(
      String shortName,
      Path file,
      String sha256,
      Set<String> participants,
      TranscriptLanguages languages,
      InputLimits limits) {
    return read(shortName, file, sha256, participants, languages, limits, text -> null);
  }

  /**
   * As above, with {@code speakerCheck} saying what is wrong with a loaded transcript's speaker
   * turns (null when nothing is): its answer becomes a note of the file's load, shown in the run
   * report and by {@code validate}.
   */
  public static InputLoad<StagedTranscript> read(
      String shortName,
      Path file,
      String sha256,
      Set<String> participants,
      TranscriptLanguages languages,
      InputLimits limits,
      java.util.function.UnaryOperator<String> speakerCheck) {
    try {
      long size = Files.size(file);
      if (size > limits.maxTranscriptSize().toBytes()) {
        return quarantined(shortName, TranscriptText.tooLarge(size, limits).getMessage());
      }
      InputLoad<StagedTranscript> load =
          read(shortName, Files.readAllBytes(file), sha256, participants, languages, limits);
      if (load.loaded().isEmpty()) {
        return load;
      }
      String problem = speakerCheck.apply(load.loaded().getFirst().source().text());
      if (problem == null) {
        return load;
      }
      List<String> notes = new ArrayList<>(load.notes());
      notes.add(problem);
      return new InputLoad<>(
          load.input(), load.fileName(), load.encoding(), load.loaded(), load.quarantined(), notes);
    } catch (IOException e) {
      return quarantined(shortName, "could not be read: " + e);
    }
  }

  /**
   * One transcript file as one record: loaded, or quarantined with the reason (no participant of
   * that name, unsupported type, unreadable, empty, over a cap of {@code limits}; with {@code
   * languages}, a language the study does not declare, or one that cannot be told when the study
   * quarantines those).
   */
  public static InputLoad<StagedTranscript> read(
      String shortName,
      byte[] bytes,
      String sha256,
      Set<String> participants,
      TranscriptLanguages languages,
      InputLimits limits) {
    String fileName = TranscriptIngestTasklet.FOLDER + shortName;
    List<String> notes = new ArrayList<>();
    try {
      if (!TranscriptText.TYPES.contains(TranscriptText.extension(shortName))) {
        // The type is the more basic problem: report it before the name.
        TranscriptText.read(shortName, bytes, limits);
      }
      String participantId =
          ParticipantNames.participantOf(
                  shortName.substring(shortName.lastIndexOf('/') + 1), participants)
              .orElseThrow(() ->
                  new InvalidRecordException(
                      "file name '"
                          + shortName
                          + "' names no participant in participants.csv (name it <participant_id>.txt,"
                          + " .md or .docx)"));
      TranscriptText text = TranscriptText.read(shortName, bytes, limits);
      if (text.note() != null) {
        notes.add(text.note());
      }
      SourceDocument source =
          new SourceDocument(shortName, participantId, shortName, sha256, text.text());
      LanguageVerdict language = languages == null ? null : languages.of(text.text());
      if (language != null && language.language() == null) {
        return new InputLoad<>(
            TranscriptIngestTasklet.INPUT,
            fileName,
            text.encoding(),
            List.of(),
            List.of(
                new QuarantinedRecord(
                    TranscriptIngestTasklet.INPUT,
                    fileName,
                    LANGUAGE_LOCATION,
                    refusal(language, languages),
                    null)),
            notes);
      }
      if (language != null && language.outcome() == LanguageVerdict.Outcome.UNDETECTABLE) {
        notes.add(
            "language not told apart ("
                + language.sharesText()
                + " of "
                + language.letters()
                + " letters); annotated in the default language, "
                + language.language());
      }
      return new InputLoad<>(
          TranscriptIngestTasklet.INPUT,
          fileName,
          text.encoding(),
          List.of(
              new StagedTranscript(
                  source,
                  new StagedStudyStore.SourceOrigin(
                      "transcript", text.format(), text.lineEndings()),
                  language)),
          List.of(),
          notes);
    } catch (InvalidRecordException e) {
      return quarantined(shortName, e.getMessage(), notes);
    } catch (RuntimeException e) {
      // A parser's own failure on a hostile file must not stop the night: the file is refused.
      return quarantined(shortName, "could not be read: " + e, notes);
    }
  }

  static InputLoad<StagedTranscript> quarantined(String shortName, String reason) {
    return quarantined(shortName, reason, List.of());
  }

  private static InputLoad<StagedTranscript> quarantined(
      String shortName, String reason, List<String> notes) {
    String fileName = TranscriptIngestTasklet.FOLDER + shortName;
    return new InputLoad<>(
        TranscriptIngestTasklet.INPUT,
        fileName,
        null,
        List.of(),
        List.of(
            new QuarantinedRecord(TranscriptIngestTasklet.INPUT, fileName, "file", reason, null)),
        notes);
  }

  private static String refusal(LanguageVerdict language, TranscriptLanguages languages) {
    String declared = String.join(", ", languages.languages().declared());
    if (language.outcome() == LanguageVerdict.Outcome.UNDECLARED) {
      String top = language.seen().getFirst();
      return "in "
          + PassageLanguages.name(top)
          + " ("
          + language.sharesText()
          + "), a language the study does not declare (languages.declared: "
          + declared
          + ")";
    }
    return "language not told apart ("
        + language.sharesText()
        + " of "
        + language.letters()
        + " letters) and the study quarantines such transcripts (languages.undetectable)";
  }
}
