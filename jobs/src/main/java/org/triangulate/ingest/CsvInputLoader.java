package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.triangulate.study.Study;

/**
 * Validates the rows of the three structured inputs with the same rules for the nightly job and
 * {@code validate}: each row by its validator, then duplicates across rows. Records that share a
 * key (a case, a participant, or an answer to the same item by the same participant) are all
 * quarantined, never one picked. Stateless and thread-safe.
 */
public final class CsvInputLoader {

  private CsvInputLoader() {}

  public static InputLoad<StagedCase> cases(CsvFile file, Study study) {
    Set<String> used = columns("case_id", "name");
    study.caseAttributes().forEach(a -> used.add(CsvRow.squash(CsvRow.normalise(a.id()))));
    return load(
        "cases",
        file,
        file.rows(),
        used,
        new CaseRowProcessor(study),
        StagedCase::caseId,
        (id, lines) -> "duplicate case: case_id " + id + " on " + lines);
  }

  public static InputLoad<StagedParticipant> participants(
      CsvFile file, Study study, Set<String> knownCases) {
    Set<String> used = columns("participant_id", "case_id", "interview_date");
    study.participantAttributes().forEach(a -> used.add(CsvRow.squash(CsvRow.normalise(a.id()))));
    return load(
        "participants",
        file,
        file.rows(),
        used,
        new ParticipantRowProcessor(study, knownCases),
        StagedParticipant::participantId,
        (id, lines) -> "duplicate participant: participant_id " + id + " on " + lines);
  }

  public static InputLoad<StagedResponse> responses(
      CsvFile file, Study study, Set<String> knownParticipants) {
    boolean wide = WideResponses.isWide(file.headers());
    List<CsvRow> answers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> used;
    if (wide) {
      notes.add("wide form (one row per participant, columns <item>_A and <item>_B)");
      used = columns("participant_id");
      file.headers().stream()
          .map(CsvRow::normalise)
          .filter(h -> h.matches(".+_[ab]"))
          .forEach(h -> used.add(CsvRow.squash(h)));
      for (CsvRow row : file.rows()) {
        List<CsvRow> expanded = WideResponses.expand(row, study);
        if (expanded.isEmpty()) {
          notes.add("line " + row.line() + ": no answers in this row");
        }
        answers.addAll(expanded);
      }
    } else {
      used = columns("participant_id", "item_id", "happening", "importance");
      answers.addAll(file.rows());
    }
    InputLoad<StagedResponse> load =
        load(
            "responses",
            file,
            answers,
            used,
            new ResponseRowProcessor(study, knownParticipants),
            r -> r.participantId() + " answered item " + r.itemId(),
            (key, lines) -> "duplicate answer: participant " + key + " on " + lines);
    notes.addAll(load.notes());
    return new InputLoad<>(
        load.input(), load.fileName(), load.encoding(), load.loaded(), load.quarantined(), notes);
  }

  private static <T> InputLoad<T> load(
      String input,
      CsvFile file,
      List<CsvRow> records,
      Set<String> usedColumns,
      ItemProcessor<CsvRow, T> validator,
      Function<T, String> key,
      DuplicateReason duplicateReason) {
    List<Entry> quarantined = new ArrayList<>();
    for (QuarantinedRecord unreadable : file.unreadable()) {
      quarantined.add(new Entry(lineOf(unreadable.location()), unreadable.withInput(input)));
    }
    String duplicateHeader = duplicateHeader(file, usedColumns);
    Map<String, List<Valid<T>>> byKey = new LinkedHashMap<>();
    for (CsvRow record : records) {
      try {
        if (duplicateHeader != null) {
          throw new InvalidRecordException(duplicateHeader);
        }
        T value = validator.process(record);
        byKey
            .computeIfAbsent(key.apply(value), k -> new ArrayList<>())
            .add(new Valid<>(record, value));
      } catch (InvalidRecordException e) {
        quarantined.add(new Entry(record.line(), quarantine(input, record, e.getMessage())));
      } catch (Exception e) {
        // A validator bug must not lose the record or stop the night: quarantine it, say so.
        quarantined.add(
            new Entry(record.line(), quarantine(input, record, "could not be checked: " + e)));
      }
    }
    List<T> loaded = new ArrayList<>();
    byKey.forEach((k, valid) -> {
      if (valid.size() == 1) {
        loaded.add(valid.getFirst().value());
        return;
      }
      String lines =
          "lines "
              + joinLines(valid.stream().map(v -> v.row().line()).distinct().toList())
              + "; all are quarantined (none is guessed)";
      for (Valid<T> v : valid) {
        quarantined.add(
            new Entry(v.row().line(), quarantine(input, v.row(), duplicateReason.of(k, lines))));
      }
    });
    quarantined.sort(Comparator.comparingLong(Entry::line));
    return new InputLoad<>(
        input,
        file.fileName(),
        file.encoding(),
        loaded,
        quarantined.stream().map(Entry::record).toList(),
        file.notes());
  }

  private static QuarantinedRecord quarantine(String input, CsvRow row, String reason) {
    return new QuarantinedRecord(input, row.fileName(), "line " + row.line(), reason, row.asText());
  }

  private static String duplicateHeader(CsvFile file, Set<String> usedColumns) {
    return file.duplicateColumns().entrySet().stream()
        .filter(e -> usedColumns.contains(e.getKey()))
        .findFirst()
        .map(e ->
            "the header has column "
                + file.headers().get(e.getValue().getFirst() - 1)
                + " more than once (columns "
                + joinLines(e.getValue().stream().map(Integer::longValue).toList())
                + "); no row is read from an ambiguous header")
        .orElse(null);
  }

  private static String joinLines(List<Long> lines) {
    List<String> text = lines.stream().map(String::valueOf).toList();
    return text.size() == 1
        ? text.getFirst()
        : String.join(", ", text.subList(0, text.size() - 1)) + " and " + text.getLast();
  }

  private static Set<String> columns(String... names) {
    return java.util.Arrays.stream(names)
        .map(n -> CsvRow.squash(CsvRow.normalise(n)))
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static long lineOf(String location) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(location);
    return m.find() ? Long.parseLong(m.group()) : 0;
  }

  private interface DuplicateReason {
    String of(String key, String lines);
  }

  private record Valid<T>(CsvRow row, T value) {}

  private record Entry(long line, QuarantinedRecord record) {}
}
