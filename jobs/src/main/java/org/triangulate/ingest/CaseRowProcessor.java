package org.triangulate.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Study;

/**
 * Validates one cases.csv row against the study's declared case attributes. Duplicate ids are the
 * loader's concern ({@link CsvInputLoader}). Immutable and thread-safe.
 */
public class CaseRowProcessor implements ItemProcessor<CsvRow, StagedCase> {

  private final Study study;

  public CaseRowProcessor(Study study) {
    this.study = study;
  }

  @Override
  public StagedCase process(CsvRow row) {
    String caseId = RowRules.requireId(row, "case_id");
    String name = row.get("name");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Study.Attribute attribute : study.caseAttributes()) {
      attributes.put(attribute.id(), RowRules.requireDeclared(row, attribute));
    }
    return new StagedCase(caseId, name.isEmpty() ? caseId : name, attributes);
  }
}
