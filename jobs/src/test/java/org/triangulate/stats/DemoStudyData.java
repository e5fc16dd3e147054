package org.triangulate.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.ingest.CaseRowProcessor;
import org.triangulate.ingest.CsvRow;
import org.triangulate.ingest.CsvRowReader;
import org.triangulate.ingest.InvalidRecordException;
import org.triangulate.ingest.ParticipantRowProcessor;
import org.triangulate.ingest.ResponseRowProcessor;
import org.triangulate.ingest.StagedCase;
import org.triangulate.ingest.StagedParticipant;
import org.triangulate.ingest.StagedResponse;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * The demo study as the nightly job sees it, without a database: {@code config/demo} loaded by
 * {@link StudyLoader}, {@code data-in/demo}'s CSVs read by the ingest steps' own readers and row
 * processors, bad rows left out as the job quarantines them.
 *
 * @param groups participant id → grouping → group, case attributes inherited from the case
 */
record DemoStudyData(Study study, List<Answer> answers, Map<String, Map<String, String>> groups) {

  static final Path HOME = home();
  static final Path INPUT = HOME.resolve("data-in/demo");

  static DemoStudyData load() {
    Study study = new StudyLoader().load(HOME.resolve("config"), "demo");
    Map<String, StagedCase> cases = new LinkedHashMap<>();
    read("cases.csv", new CaseRowProcessor(study), c -> cases.put(c.caseId(), c));
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    read(
        "participants.csv",
        new ParticipantRowProcessor(study, cases.keySet()),
        (StagedParticipant p) -> {
          Map<String, String> memberships = new HashMap<>(cases.get(p.caseId()).attributes());
          memberships.putAll(p.attributes());
          memberships.put(ItemGroupStats.CASE, p.caseId());
          groups.put(p.participantId(), memberships);
        });
    List<Answer> answers = new ArrayList<>();
    read(
        "responses.csv",
        new ResponseRowProcessor(study, groups.keySet()),
        (StagedResponse r) ->
            answers.add(new Answer(r.participantId(), r.itemId(), r.happening(), r.importance())));
    return new DemoStudyData(study, List.copyOf(answers), groups);
  }

  /** SHA-256 of a file under the repository, hex. */
  static String sha256(String relativePath) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(HOME.resolve(relativePath)));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> void read(
      String file, ItemProcessor<CsvRow, T> processor, Consumer<T> accepted) {
    CsvRowReader reader = new CsvRowReader(INPUT.resolve(file));
    reader.open(new ExecutionContext());
    try {
      for (CsvRow row = reader.read(); row != null; row = reader.read()) {
        try {
          accepted.accept(processor.process(row));
        } catch (InvalidRecordException quarantined) {
          // the job quarantines it; the statistics never see it
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("reading " + file, e);
    } finally {
      reader.close();
    }
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
