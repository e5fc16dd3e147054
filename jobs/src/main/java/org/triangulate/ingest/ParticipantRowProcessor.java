package org.triangulate.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Study;

/**
 * Validates one participants.csv row: a case that was loaded from cases.csv, declared attribute
 * values, an ISO interview date or none. Immutable and thread-safe.
 */
public class ParticipantRowProcessor implements ItemProcessor<CsvRow, StagedParticipant> {

  private final Study study;
  private final Set<String> knownCases;

  public ParticipantRowProcessor(Study study, Set<String> knownCases) {
    this.study = study;
    this.knownCases = Set.copyOf(knownCases);
  }

  @Override
  public StagedParticipant process(CsvRow row) {
    String participantId = RowRules.requireId(row, "participant_id");
    RowRules.requireColumn(row, "case_id");
    String caseId = row.get("case_id");
    if (caseId.isEmpty()) {
      throw InvalidRecordException.badValue(
          row, "case_id", "is blank: every participant needs a case");
    }
    if (!knownCases.contains(caseId)) {
      throw InvalidRecordException.badValue(
          row, "case_id", "is not a case in cases.csv (or its row there was quarantined)");
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
          row, "interview_date", "is not a date like 2025-03-31 (year-month-day)");
    }
  }
}
