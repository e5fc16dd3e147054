package org.triangulate.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Validates a long-form responses.csv row: known participant and item, A answer among the study's
 * accepted spellings, B importance within the scale or blank, one answer per participant and item.
 */
public class ResponseRowProcessor implements ItemProcessor<CsvRow, StagedResponse> {

  private final Study study;
  private final Set<String> knownParticipants;
  private final Map<String, Happening> spellings = new HashMap<>();
  private final Set<String> answered = new HashSet<>();

  public ResponseRowProcessor(Study study, Set<String> knownParticipants) {
    this.study = study;
    this.knownParticipants = Set.copyOf(knownParticipants);
    study
        .happening()
        .forEach((code, accepted) -> {
          Happening happening = Happening.ofCode(code);
          spellings.put(normaliseAnswer(code), happening);
          accepted.forEach(spelling -> spellings.put(normaliseAnswer(spelling), happening));
        });
  }

  @Override
  public StagedResponse process(CsvRow row) {
    String participantId = row.get("participant_id");
    if (!knownParticipants.contains(participantId)) {
      throw InvalidRecordException.badValue(
          "participant_id", participantId, "is not a participant in participants.csv");
    }
    String itemId = row.get("item_id");
    if (study.item(itemId).isEmpty()) {
      throw InvalidRecordException.badValue("item_id", itemId, "is not an item in study.yml");
    }
    String answer = row.get("happening");
    Happening happening = spellings.get(normaliseAnswer(answer));
    if (happening == null) {
      throw InvalidRecordException.badValue(
          "happening",
          answer,
          "is not an accepted answer ("
              + List.copyOf(study.happening().keySet())
              + " or their spellings in study.yml)");
    }
    Integer importance = importance(row.get("importance"));
    if (!answered.add(participantId + "\u0000" + itemId)) {
      throw new InvalidRecordException(
          "duplicate answer: participant "
              + participantId
              + " already answered item "
              + itemId
              + " earlier in the file");
    }
    return new StagedResponse(participantId, itemId, happening, importance);
  }

  private Integer importance(String value) {
    if (value.isEmpty()) {
      return null;
    }
    int min = study.importance().min();
    int max = study.importance().max();
    try {
      int importance = Integer.parseInt(value);
      if (importance >= min && importance <= max) {
        return importance;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw InvalidRecordException.badValue(
        "importance", value, "is not a whole number from " + min + " to " + max + " or blank");
  }

  static String normaliseAnswer(String answer) {
    return answer.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
  }
}
