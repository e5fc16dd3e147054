package org.triangulate.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Study;

/** Validates a participants.csv row: known case, declared attribute values, ISO interview date. */
public class ParticipantRowProcessor implements ItemProcessor<CsvRow, StagedParticipant> {

  private final Study study;
  private final Set<String> knownCases;
  private final Set<String> seen = new HashSet<>();

  public ParticipantRowProcessor(Study study, Set<String> knownCases) {
    this.study = study;
    this.knownCases = Set.copyOf(knownCases);
  }

  @Override
  public StagedParticipant process(CsvRow row) {
    String participantId = RowRules.requireId(row, "participant_id");
    if (!seen.add(participantId)) {
      throw new InvalidRecordException(
          "column participant_id: duplicate participant '" + participantId + "'");
    }
    String caseId = row.get("case_id");
    if (!knownCases.contains(caseId)) {
      throw InvalidRecordException.badValue("case_id", caseId, "is not a case in cases.csv");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Study.Attribute attribute : study.participantAttributes()) {
      attributes.put(attribute.id(), RowRules.requireDeclared(row, attribute));
    }
    return new StagedParticipant(participantId, caseId, interviewDate(row), attributes);
  }

  private static LocalDate interviewDate(CsvRow row) {
    String value = row.get("interview_date");
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.badValue(
          "interview_date", value, "is not a date like 2025-03-31");
    }
  }
}
