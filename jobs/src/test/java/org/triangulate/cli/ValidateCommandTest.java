package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  private static final Path STUDIES = Path.of("src/test/resources/ingest/studies");

  private record Result(int exit, String out) {}

  private static Result validate(String studyFolder) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit =
          new CommandLine(new ValidateCommand())
              .execute("--study", STUDIES.resolve(studyFolder).toString());
      return new Result(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void exitsZeroOnAStudyFolderWithoutProblems() {
    // when
    Result result = validate("clean");

    // then
    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("  responses.csv: 4 read, 4 valid (UTF-8)")
        .endsWith("No problems found.\n");
  }

  @Test
  void listsEveryProblemGroupedByFileAndExitsOne() {
    // when
    Result result = validate("faulty");

    // then
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains(
            "  cases.csv: 2 read, 1 valid, 1 problem(s) (UTF-8)\n"
                + "    line 3: column employer: 'private' is not one of [nhs, voluntary] declared in"
                + " study.yml\n"
                + "  participants.csv: 2 read, 1 valid, 1 problem(s) (UTF-8)\n"
                + "    line 3: column interview_date: '11/02/2025' is not a date like 2025-03-31"
                + " (year-month-day)\n")
        .contains(
            "  transcripts/: 2 file(s), 1 valid, 1 problem(s)\n"
                + "  transcripts/X99.txt:\n"
                + "    file: file name 'X99.txt' names no participant in participants.csv")
        .contains("  coding/pilot.qde: 3 read, 2 valid, 1 problem(s)\n    selection sel2: ")
        .endsWith("6 problem(s) in 6 file(s); each would be quarantined.\n");
  }
}
