package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bundled demo validates clean, and a copy of it with one injected fault per kind of input has
 * every fault listed, with its file and line, by {@code validate}.
 */
class DemoFaultInjectionTest {

  private static final Path DEMO_INPUTS = Path.of("../data-in/demo");
  private static final Path DEMO_CONFIG = Path.of("../config/demo");

  @TempDir Path temp;

  private record Result(int exit, String out) {}

  @Test
  void theBundledDemoHasNoProblem() throws IOException {
    // when
    Result result = validate(copyOfDemo());

    // then
    assertThat(result.exit()).as(result.out()).isZero();
    assertThat(result.out()).endsWith("No problems found.\n");
  }

  @Test
  void listsEveryFaultInjectedIntoACopyOfTheDemo() throws IOException {
    // given a copy of the demo with its configuration beside it
    Path study = copyOfDemo();
    int responseLines = Files.readAllLines(study.resolve("responses.csv")).size();
    String firstAnswer = Files.readAllLines(study.resolve("responses.csv")).get(1);

    // and a fault of each kind
    append(study.resolve("cases.csv"), "C99,Injected case,not_an_employer,nhs_only,inpatient,new");
    append(study.resolve("participants.csv"), "P999,NO_SUCH_CASE,peer_worker,2025-01-01");
    append(study.resolve("responses.csv"), "P001,item_not_in_study,yes,3");
    append(study.resolve("responses.csv"), "P002,pay_parity,yes,9");
    append(study.resolve("responses.csv"), firstAnswer);
    Files.writeString(study.resolve("transcripts/NOBODY.txt"), "Interviewer: hello\nR: hi\n");
    Path docx = firstFile(study.resolve("transcripts"), ".docx");
    Files.write(docx, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    Files.writeString(study.resolve("coding/broken.qdpx"), "not a zip archive");

    // when
    Result result = validate(study);

    // then every fault is listed under its file, with the line where it has one
    String out = result.out();
    assertThat(result.exit()).isEqualTo(1);
    assertThat(out)
        .contains("  cases.csv: 11 read, 10 valid, 1 problem(s)")
        .contains("'not_an_employer'")
        .contains("  participants.csv: 90 read, 89 valid, 1 problem(s)")
        .contains("'NO_SUCH_CASE'")
        .contains("line " + (responseLines + 1) + ": column item_id: 'item_not_in_study'")
        .contains("line " + (responseLines + 2) + ": column importance: '9'")
        // a duplicate answer quarantines both rows, never picks one
        .contains("line 2: ")
        .contains("line " + (responseLines + 3) + ": ")
        .contains("transcripts/NOBODY.txt:")
        .contains("transcripts/" + docx.getFileName() + ":")
        .contains("coding/broken.qdpx:");
    assertThat(out.lines().filter(l -> l.startsWith("    line ")).count())
        .isGreaterThanOrEqualTo(6);
  }

  private Path copyOfDemo() throws IOException {
    Path study = temp.resolve("demo");
    try (Stream<Path> files = Files.walk(DEMO_INPUTS)) {
      for (Path from : files.toList()) {
        Path to = study.resolve(DEMO_INPUTS.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> files = Files.list(DEMO_CONFIG)) {
      for (Path from : files.toList()) {
        Files.copy(from, study.resolve(from.getFileName()));
      }
    }
    return study;
  }

  private static Path firstFile(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().findFirst().orElseThrow();
    }
  }

  private static void append(Path file, String line) throws IOException {
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static Result validate(Path folder) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new ValidateCommand()).execute("--study", folder.toString());
      return new Result(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
