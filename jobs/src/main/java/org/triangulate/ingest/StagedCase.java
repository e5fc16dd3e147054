package org.triangulate.ingest;

import java.util.Map;

/** A validated row of cases.csv: the case's id, name and its declared attributes. */
public record StagedCase(String caseId, String name, Map<String, String> attributes) {
  public StagedCase {
    attributes = Map.copyOf(attributes);
  }
}
