package org.triangulate.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Validates one answer (a long-form responses.csv row, or one item of a wide-form row): a loaded
 * participant, an item of study.yml, an A answer among the study's accepted spellings, a B
 * importance within the scale or blank. Spellings are matched ignoring case, apostrophes (straight
 * or curly), underscores and spacing, so {@code Don’t know}, {@code dont_know} and {@code DON'T
 * KNOW} are one answer. Duplicates are the loader's concern. Immutable and thread-safe.
 */
public class ResponseRowProcessor implements ItemProcessor<CsvRow, StagedResponse> {

  private final Study study;
  private final Set<String> knownParticipants;
  private final Map<String, Happening> spellings = new HashMap<>();

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
    RowRules.requireColumn(row, "participant_id");
    String participantId = row.get("participant_id");
    if (!knownParticipants.contains(participantId)) {
      throw InvalidRecordException.badValue(
          row,
          "participant_id",
          participantId.isEmpty()
              ? "is blank: every answer needs a participant"
              : "is not a participant in participants.csv (or its row there was quarantined)");
    }
    RowRules.requireColumn(row, "item_id");
    String itemId = itemId(row.get("item_id"));
    if (itemId == null) {
      throw InvalidRecordException.badValue(row, "item_id", "is not an item in study.yml");
    }
    RowRules.requireColumn(row, "happening");
    Happening happening = spellings.get(normaliseAnswer(row.get("happening")));
    if (happening == null) {
      throw InvalidRecordException.badValue(
          row,
          "happening",
          "is not an accepted answer ("
              // Enum order: the study's map has no stable order to print.
              + java.util.Arrays.stream(Happening.values())
                  .map(Happening::code)
                  .collect(java.util.stream.Collectors.joining(", "))
              + " or their spellings in study.yml)");
    }
    return new StagedResponse(participantId, itemId, happening, importance(row));
  }

  /** The study's item id for a value, tolerating letter case; null when there is none. */
  private String itemId(String value) {
    return study.items().stream()
        .map(Study.Item::id)
        .filter(id -> id.equalsIgnoreCase(value))
        .findFirst()
        .orElse(null);
  }

  private Integer importance(CsvRow row) {
    String value = row.get("importance");
    if (value.isEmpty()) {
      return null;
    }
    int min = study.importance().min();
    int max = study.importance().max();
    try {
      // "4.0" is what a spreadsheet writes for 4.
      int importance = Integer.parseInt(value.replaceFirst("\\.0+$", ""));
      if (importance >= min && importance <= max) {
        return importance;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw InvalidRecordException.badValue(
        row, "importance", "is not a whole number from " + min + " to " + max + " or blank");
  }

  static String normaliseAnswer(String answer) {
    return answer
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("['\u2019\u2018`\u00B4]", "")
        .replaceAll("[\\s_]+", " ");
  }
}
