package org.triangulate.ingest;

import java.time.LocalDate;
import java.util.Map;

/** A validated row of participants.csv. */
public record StagedParticipant(
    String participantId, String caseId, LocalDate interviewDate, Map<String, String> attributes) {
  public StagedParticipant {
    attributes = Map.copyOf(attributes);
  }
}
