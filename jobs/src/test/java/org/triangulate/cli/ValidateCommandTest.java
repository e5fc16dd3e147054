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

  @org.junit.jupiter.api.io.TempDir Path work;

  private static Result validate(String studyFolder) {
    return validate(STUDIES.resolve(studyFolder));
  }

  private static Result validate(Path studyFolder) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new ValidateCommand()).execute("--study", studyFolder.toString());
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
        .contains("  transcripts/: 2 file(s), 1 valid, 1 problem(s)\n")
        .contains(
            "  transcripts/X99.txt:\n"
                + "    file: file name 'X99.txt' names no participant in participants.csv")
        .contains("  coding/pilot.qde: 3 read, 2 valid, 1 problem(s)\n    selection sel2: ")
        .endsWith("6 problem(s) in 6 file(s); each would be quarantined.\n");
  }

  @Test
  void reportsAMissingTranscriptsFolderAndALinkOutOfTheStudyAndReadsSubfolders() throws Exception {
    // given a copy of the clean study without its transcripts folder
    Path study = work.resolve("clean");
    try (var files = java.nio.file.Files.walk(STUDIES.resolve("clean"))) {
      for (Path file : files.toList()) {
        Path target = study.resolve(STUDIES.resolve("clean").relativize(file).toString());
        if (java.nio.file.Files.isDirectory(file)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(file, target);
        }
      }
    }
    Path transcripts = study.resolve("transcripts");
    java.nio.file.Files.move(transcripts, work.resolve("unmounted"));

    // when / then the missing folder is a problem, not "No problems found"
    Result missing = validate(study);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out())
        .contains("  transcripts/: folder not found (not mounted?); a night keeps the transcripts")
        .doesNotContain("No problems found");

    // given the folder back with a site subfolder and a link out of the study
    java.nio.file.Files.createDirectories(transcripts.resolve("site-A"));
    java.nio.file.Files.move(
        work.resolve("unmounted/P01.txt"), transcripts.resolve("site-A/P01.txt"));
    java.nio.file.Files.move(work.resolve("unmounted/P02.md"), transcripts.resolve("P02.md"));
    java.nio.file.Files.createSymbolicLink(
        transcripts.resolve("P03.txt"), Path.of("/etc/hostname"));

    // when
    Result result = validate(study);

    // then the subfolder's transcript is read and the link is refused with its reason
    assertThat(result.out())
        .contains("  transcripts/: 3 file(s), 2 valid, 1 problem(s)\n")
        .contains(
            "  transcripts/P03.txt:\n    file: a symbolic link to a file outside the study folder;"
                + " refused");
    assertThat(result.out()).doesNotContain("transcripts/site-A/P01.txt:\n    file:");
  }
}
