package org.triangulate.ingest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Study;

/**
 * Validates a cases.csv row against the study's declared case attributes. One per step execution.
 */
public class CaseRowProcessor implements ItemProcessor<CsvRow, StagedCase> {

  private final Study study;
  private final Set<String> seen = new HashSet<>();

  public CaseRowProcessor(Study study) {
    this.study = study;
  }

  @Override
  public StagedCase process(CsvRow row) {
    String caseId = RowRules.requireId(row, "case_id");
    if (!seen.add(caseId)) {
      throw new InvalidRecordException("column case_id: duplicate case '" + caseId + "'");
    }
    String name = row.get("name");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Study.Attribute attribute : study.caseAttributes()) {
      attributes.put(attribute.id(), RowRules.requireDeclared(row, attribute));
    }
    return new StagedCase(caseId, name.isEmpty() ? caseId : name, attributes);
  }
}
