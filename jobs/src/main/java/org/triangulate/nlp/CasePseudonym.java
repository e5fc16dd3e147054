package org.triangulate.nlp;

import org.triangulate.study.Study;

/** A case's pseudonym: the one configured for it, else {@code [CASE-<case id>]}. */
final class CasePseudonym {

  private CasePseudonym() {}

  static String of(Study.Deidentification config, String caseId) {
    Study.CaseNames names = config.cases().get(caseId);
    return names != null && names.pseudonym() != null ? names.pseudonym() : "[CASE-" + caseId + "]";
  }
}
