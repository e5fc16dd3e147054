package org.triangulate.evaluate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The answers of a generated study's {@code responses.csv} (long form: participant, item, answer),
 * read straight from the file so that what the packs show is checked against the input, not against
 * the store that made them.
 */
public final class StudyAnswers {

  private StudyAnswers() {}

  /**
   * Answers keyed {@code participant/item}, as answer codes: a spelling the study accepts for a
   * code ({@code happening:} in {@code study.yml}) reads as that code.
   */
  public static Map<String, String> read(
      Path responsesCsv, Map<String, java.util.List<String>> spellings) {
    Map<String, String> codeOf = new HashMap<>();
    spellings.forEach((code, written) -> {
      codeOf.put(normal(code), code);
      written.forEach(w -> codeOf.put(normal(w), code));
    });
    Map<String, String> answers = new HashMap<>();
    read(responsesCsv)
        .forEach((key, raw) -> answers.put(key, codeOf.getOrDefault(normal(raw), raw)));
    return answers;
  }

  private static String normal(String text) {
    return text.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Answers keyed {@code participant/item}, as written. */
  public static Map<String, String> read(Path responsesCsv) {
    Map<String, String> answers = new HashMap<>();
    try (Reader in = Files.newBufferedReader(responsesCsv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord r : parser) {
        answers.put(r.get("participant_id") + "/" + r.get("item_id"), r.get("happening"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(responsesCsv + ": " + e.getMessage(), e);
    }
    return answers;
  }
}
