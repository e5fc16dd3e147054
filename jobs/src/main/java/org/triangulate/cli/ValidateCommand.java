package org.triangulate.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.TriangulateProperties;
import org.triangulate.ingest.CaseRowProcessor;
import org.triangulate.ingest.CsvRow;
import org.triangulate.ingest.CsvRowReader;
import org.triangulate.ingest.InvalidRecordException;
import org.triangulate.ingest.ParticipantRowProcessor;
import org.triangulate.ingest.ResponseRowProcessor;
import org.triangulate.ingest.StagedCase;
import org.triangulate.ingest.StagedParticipant;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Checks a study's configuration and structured inputs without touching the store or the index,
 * using the same rules as the nightly ingest. Exit 0: all valid; 1: some records would be
 * quarantined; 2: the configuration is invalid.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks config/<study>/ and the CSV inputs in data-in/<study>/ with the nightly job's rules, printing every record that would be quarantined (file, line, reason). Writes nothing. Exit 0: all valid; 1: some records would be quarantined; 2: the configuration is invalid.")
public class ValidateCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    TriangulateProperties properties = new Launch(options).properties();
    Study study = new StudyLoader().load(properties.configDir(), properties.study());
    System.out.println(
        "Configuration of study "
            + study.name()
            + " is valid: "
            + study.items().size()
            + " items, "
            + study.groupings().size()
            + " groupings, "
            + study.codebook().categories().count()
            + " categories, "
            + study.packs().size()
            + " packs.");
    Path input = properties.studyInput(study.name());
    Set<String> cases = new HashSet<>();
    Set<String> participants = new HashSet<>();
    int bad =
        check(
            input.resolve("cases.csv"),
            new CaseRowProcessor(study),
            c -> cases.add(((StagedCase) c).caseId()));
    bad +=
        check(
            input.resolve("participants.csv"),
            new ParticipantRowProcessor(study, cases),
            p -> participants.add(((StagedParticipant) p).participantId()));
    bad +=
        check(
            input.resolve("responses.csv"), new ResponseRowProcessor(study, participants), r -> {});
    return bad == 0 ? 0 : 1;
  }

  private static int check(
      Path file, ItemProcessor<CsvRow, ?> processor, java.util.function.Consumer<Object> onValid)
      throws Exception {
    if (!java.nio.file.Files.isRegularFile(file)) {
      System.out.println(file + ": missing");
      return 1;
    }
    CsvRowReader reader = new CsvRowReader(file);
    reader.open(new ExecutionContext());
    int read = 0;
    int invalid = 0;
    try {
      for (CsvRow row = reader.read(); row != null; row = reader.read()) {
        read++;
        try {
          onValid.accept(processor.process(row));
        } catch (InvalidRecordException e) {
          invalid++;
          System.out.println(file + ": line " + row.line() + ": " + e.getMessage());
        }
      }
    } finally {
      reader.close();
    }
    System.out.println(
        file
            + ": "
            + read
            + " read, "
            + (read - invalid)
            + " valid, "
            + invalid
            + " would be quarantined");
    return invalid;
  }
}
