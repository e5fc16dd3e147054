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
import org.triangulate.ingest.CsvFile;
import org.triangulate.ingest.CsvFileReader;
import org.triangulate.ingest.CsvInputLoader;
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
    CsvInputLoader.cases(csv("cases.csv"), study).loaded().forEach(c -> cases.put(c.caseId(), c));
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    for (StagedParticipant p :
        CsvInputLoader.participants(csv("participants.csv"), study, cases.keySet()).loaded()) {
      Map<String, String> memberships = new HashMap<>(cases.get(p.caseId()).attributes());
      memberships.putAll(p.attributes());
      memberships.put(ItemGroupStats.CASE, p.caseId());
      groups.put(p.participantId(), memberships);
    }
    List<Answer> answers = new ArrayList<>();
    for (StagedResponse r :
        CsvInputLoader.responses(csv("responses.csv"), study, groups.keySet()).loaded()) {
      answers.add(new Answer(r.participantId(), r.itemId(), r.happening(), r.importance()));
    }
    return new DemoStudyData(study, List.copyOf(answers), groups);
  }

  /** A demo CSV as the ingest step reads it; its bad rows are quarantined, never seen here. */
  private static CsvFile csv(String file) {
    return CsvFileReader.read(INPUT.resolve(file), file);
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

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
