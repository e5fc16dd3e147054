package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.study.Study;

/**
 * Writes cases.csv, participants.csv and responses.csv (long form), with LF line endings, and
 * appends to responses.csv the two deliberately bad rows the demo's quarantine shows: an item the
 * study does not have, and an importance outside the scale for an item that participant left out.
 * Stateless.
 */
final class CsvInputsWriter {

  /** A row the ingest must quarantine: its line in responses.csv and why. */
  record BadRow(int line, String participantId, String itemId, String reason) {}

  static final String UNKNOWN_ITEM = "item_not_in_study";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private CsvInputsWriter() {}

  static void cases(Path file, DemoDesign design, Study study) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("case_id", "name"));
    study.caseAttributes().forEach(a -> header.add(a.id()));
    rows.add(header);
    for (DemoDesign.CaseDesign c : design.cases()) {
      List<String> row = new ArrayList<>(List.of(c.id(), c.name()));
      study.caseAttributes().forEach(a -> row.add(c.attributes().get(a.id())));
      rows.add(row);
    }
    write(file, rows);
  }

  static void participants(Path file, List<DemoParticipant> participants, String groupAttribute) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("participant_id", "case_id", groupAttribute, "interview_date"));
    for (DemoParticipant p : participants) {
      rows.add(List.of(p.id(), p.caseDesign().id(), p.group(), p.interviewDate().toString()));
    }
    write(file, rows);
  }

  /** Writes the answers, then the bad rows; returns the bad rows with their line numbers. */
  static List<BadRow> responses(Path file, List<DemoAnswer> answers, Study study) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("participant_id", "item_id", "happening", "importance"));
    Set<String> answered = new HashSet<>();
    for (DemoAnswer a : answers) {
      String importance = a.importance() == null ? "" : a.importance().toString();
      rows.add(List.of(a.participant().id(), a.itemId(), a.written(), importance));
      answered.add(a.participant().id() + "/" + a.itemId());
    }
    DemoParticipant third =
        answers.stream().map(DemoAnswer::participant).distinct().skip(2).findFirst().orElseThrow();
    BadRow unknownItem =
        new BadRow(
            rows.size() + 1, third.id(), UNKNOWN_ITEM, "item_id is not an item in study.yml");
    rows.add(List.of(third.id(), UNKNOWN_ITEM, "yes", "3"));
    // An answer the file lacks, so quarantining it leaves the valid data as they were.
    DemoAnswer skipped = firstLeftOut(answers, study, answered);
    int outOfRange = study.importance().max() + 3;
    BadRow badImportance =
        new BadRow(
            rows.size() + 1,
            skipped.participant().id(),
            skipped.itemId(),
            "importance "
                + outOfRange
                + " is outside "
                + study.importance().min()
                + "-"
                + study.importance().max());
    rows.add(
        List.of(skipped.participant().id(), skipped.itemId(), "yes", String.valueOf(outOfRange)));
    write(file, rows);
    return List.of(unknownItem, badImportance);
  }

  private static DemoAnswer firstLeftOut(
      List<DemoAnswer> answers, Study study, Set<String> answered) {
    List<DemoParticipant> participants =
        answers.stream().map(DemoAnswer::participant).distinct().toList();
    for (DemoParticipant p : participants.reversed()) {
      for (Study.Item item : study.items()) {
        if (!answered.contains(p.id() + "/" + item.id())) {
          return new DemoAnswer(p, item.id(), "yes", null, "yes");
        }
      }
    }
    throw new IllegalStateException(
        "every participant answered every item: no gap for the bad row");
  }

  private static void write(Path file, List<List<String>> rows) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
