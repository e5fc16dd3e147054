package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.triangulate.study.Study;

/**
 * Writes cases.csv, participants.csv and responses.csv (long form), with LF line endings. The demo
 * is clean on purpose ({@code ./triangulate validate --study data-in/demo} finds nothing); faulty
 * inputs live in the test fixtures. Stateless.
 */
final class CsvInputsWriter {

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

  static void responses(Path file, List<DemoAnswer> answers) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("participant_id", "item_id", "happening", "importance"));
    for (DemoAnswer a : answers) {
      String importance = a.importance() == null ? "" : a.importance().toString();
      rows.add(List.of(a.participant().id(), a.itemId(), a.written(), importance));
    }
    write(file, rows);
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
