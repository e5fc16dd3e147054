package org.triangulate.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated participant: id, number (as in the "P23" speaker label), case, stakeholder group,
 * interview date and the invented first name the interview uses. Immutable.
 */
record DemoParticipant(
    String id,
    int number,
    DemoDesign.CaseDesign caseDesign,
    String group,
    LocalDate interviewDate,
    String firstName) {

  /** The case's attributes plus the stakeholder group, as the design's rules test them. */
  Map<String, String> attributes(String groupAttribute) {
    Map<String, String> attributes = new LinkedHashMap<>(caseDesign.attributes());
    attributes.put(groupAttribute, group);
    return attributes;
  }
}
