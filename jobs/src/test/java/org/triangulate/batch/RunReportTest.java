package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void showsEveryInputWithItsCountsStatusAndNotes() {
    // given
    RunReport report =
        new RunReport(
            7,
            "demo",
            "COMPLETED",
            null,
            null,
            null,
            List.of(),
            List.of(
                new RunReport.InputLine(
                    "responses", "responses.csv", "ab", "unchanged", 146, 144, 2, null),
                new RunReport.InputLine(
                    "coding",
                    "coding/pilot.qdpx",
                    "cd",
                    "loaded",
                    5,
                    4,
                    1,
                    "exported by QualCoder 3.6")),
            Map.of());

    // when
    String text = report.toText();

    // then
    assertThat(text)
        .contains(
            "Inputs\n"
                + "  file                         read   loaded  quarantined  status\n"
                + "  responses.csv                 146      144            2  unchanged\n"
                + "  coding/pilot.qdpx               5        4            1  loaded\n"
                + "      exported by QualCoder 3.6\n");
  }
}
