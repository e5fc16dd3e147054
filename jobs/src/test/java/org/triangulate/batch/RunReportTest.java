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

  @Test
  void showsWhatEachStepWroteAndFilteredOut() {
    // given a packs step that rendered 2 packs and kept 9
    RunReport report =
        new RunReport(
            7,
            "demo",
            "COMPLETED",
            null,
            null,
            null,
            List.of(
                new RunReport.StepLine("writeSynthesisPacksStep", "COMPLETED", 0, 2, 9, 0, 6.5)),
            List.of(),
            Map.of());

    // when
    String text = report.toText();

    // then
    assertThat(text)
        .contains(
            "  step                                       status         read  written"
                + " filtered  skipped  seconds\n"
                + "  writeSynthesisPacksStep                    COMPLETED         0        2"
                + "        9        0      6.5\n");
  }

  @Test
  void countsTranscriptsWhollyInTheirLanguageAndListsTheMixedOnes() {
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
            List.of(),
            Map.of(),
            List.of(
                new RunReport.LanguageLine("P001-a1", "en", "en 100 %"),
                new RunReport.LanguageLine("P002-b2", "en", "en 100 %"),
                new RunReport.LanguageLine("P003-c3", "en", "en 100 %, de 0 %"),
                new RunReport.LanguageLine("P004-d4", "fr", "fr 93 %, en 7 %")),
            Map.of(),
            List.of());

    // when
    String text = report.toText();

    // then
    assertThat(text)
        .contains(
            "Languages of the staged transcripts (languages seen, by share)\n"
                + "  en      3 transcripts, 2 wholly en\n"
                + "         P003-c3 (en 100 %, de 0 %)\n"
                + "  fr      1 transcripts, 0 wholly fr\n"
                + "         P004-d4 (fr 93 %, en 7 %)\n")
        .doesNotContain("P001-a1");
  }
}
