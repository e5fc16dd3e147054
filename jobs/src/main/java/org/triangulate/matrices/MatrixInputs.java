package org.triangulate.matrices;

import java.util.List;
import java.util.Map;
import org.triangulate.study.Happening;

/**
 * What the matrices are made of, as the store holds it tonight: cases and participants with their
 * attributes (attribute id to value code), the participant turns coded to each category (by any
 * coder), every participant's answers, and candidate quotes. Immutable.
 *
 * @param codedTurns participant id to category id to the number of their turns coded to it
 * @param answers participant id to item id to answer A
 * @param quotes case id to category id to candidate quotes, best first
 */
public record MatrixInputs(
    List<CaseRow> cases,
    List<ParticipantRow> participants,
    Map<String, Map<String, Integer>> codedTurns,
    Map<String, Map<String, Happening>> answers,
    Map<String, Map<String, List<Quote>>> quotes) {

  public MatrixInputs {
    cases = List.copyOf(cases);
    participants = List.copyOf(participants);
    codedTurns = Map.copyOf(codedTurns);
    answers = Map.copyOf(answers);
    quotes = Map.copyOf(quotes);
  }

  public record CaseRow(String caseId, Map<String, String> attributes) {}

  /** A participant; {@code attributes} holds its case's attributes and its own. */
  public record ParticipantRow(
      String participantId, String caseId, Map<String, String> attributes) {}

  /** A de-identified participant turn coded to a category. */
  public record Quote(String segmentId, String participantId, String text) {}
}
