package org.triangulate.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * A small study for the row processors, written out by hand: two case attributes, one participant
 * attribute, two items, the five answer codes with a few spellings, importance 1..4.
 */
final class TestStudy {

  private TestStudy() {}

  static Study study() {
    return study(new Codebook(List.of()));
  }

  /** The study with one theme, "support", holding the category lived_experience. */
  static Study studyWithCodebook() {
    return study(
        new Codebook(
            List.of(
                new Codebook.Theme(
                    "support",
                    "Support",
                    List.of(
                        new Codebook.Category(
                            "lived_experience",
                            "Lived experience",
                            "Draws on own experience",
                            List.of("sup_access"),
                            List.of("experience"),
                            List.of()))))));
  }

  private static Study study(Codebook codebook) {
    Map<String, List<String>> happening = new LinkedHashMap<>();
    happening.put("yes", List.of("yes", "y"));
    happening.put("partly", List.of("partially", "in part"));
    happening.put("no", List.of("no", "n"));
    // Only the straight apostrophe is declared: the curly one must be tolerated by the processor.
    happening.put("dont_know", List.of("don't know", "dk"));
    happening.put("not_relevant", List.of("not relevant", "n/a"));
    return new Study(
        "test",
        "Test study",
        List.of(
            new Study.Attribute(
                "employer", "Employer", Map.of("nhs", "NHS", "voluntary", "Voluntary sector")),
            new Study.Attribute(
                "setting", "Setting", Map.of("inpatient", "Inpatient", "community", "Community"))),
        List.of(
            new Study.Attribute(
                "stakeholder_group",
                "Stakeholder group",
                Map.of("peer_worker", "Peer workers", "line_manager", "Line managers"))),
        List.of("employer", "setting", "stakeholder_group"),
        List.of(new Study.Domain("support", "Support")),
        List.of(
            new Study.Item(
                "sup_access", "support", "Peer workers have access to regular supervision"),
            new Study.Item(
                "pay_parity", "support", "Peer workers are paid on a par with other staff")),
        happening,
        new Study.ImportanceScale(1, 4),
        new Study.PatternThresholds(0.70, 0.30, 3, 0.05, 0.30, 3.3, 0.30),
        new Study.QuoteRules(3, 60, 600),
        Study.Deidentification.NONE,
        List.of(),
        Study.Languages.ENGLISH,
        null,
        codebook);
  }

  /** A CSV row of {@code responses.csv} etc. from alternating column names and values. */
  static CsvRow row(String fileName, long line, String... columnsAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      fields.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return new CsvRow(fileName, line, fields);
  }
}
