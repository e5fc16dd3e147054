package org.triangulate.matrices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code presence.csv} (one row per participant: case, every attribute as its own column,
 * then per category a 0/1 column named after the category and a count column {@code <category>_n}
 * of their turns coded to it) and {@code presence_by_case.csv} (one row per case: attributes,
 * participants, then per category the participants who spoke to it and {@code <category>_n} turns).
 * Plain column names and codes, ready for R's {@code read.csv}. Stateless.
 */
public final class PresenceMatrices {

  public static final String BY_PARTICIPANT = "presence.csv";
  public static final String BY_CASE = "presence_by_case.csv";

  private PresenceMatrices() {}

  public static void write(
      MatrixInputs inputs,
      List<String> categories,
      List<String> caseAttributes,
      List<String> participantAttributes,
      Path directory) {
    List<String> attributes = new ArrayList<>(caseAttributes);
    attributes.addAll(participantAttributes);
    List<String> header = new ArrayList<>(List.of("participant_id", "case_id"));
    header.addAll(attributes);
    addCategoryColumns(header, categories);
    List<List<Object>> rows = new ArrayList<>();
    for (MatrixInputs.ParticipantRow p : inputs.participants()) {
      List<Object> row = new ArrayList<>(List.of(p.participantId(), p.caseId()));
      attributes.forEach(a -> row.add(p.attributes().getOrDefault(a, "")));
      Map<String, Integer> turns = inputs.codedTurns().getOrDefault(p.participantId(), Map.of());
      for (String category : categories) {
        int n = turns.getOrDefault(category, 0);
        row.add(n > 0 ? 1 : 0);
        row.add(n);
      }
      rows.add(row);
    }
    MatrixCsv.write(directory.resolve(BY_PARTICIPANT), header, rows);

    List<String> caseHeader = new ArrayList<>(List.of("case_id"));
    caseHeader.addAll(caseAttributes);
    caseHeader.add("participants");
    addCategoryColumns(caseHeader, categories);
    List<List<Object>> caseRows = new ArrayList<>();
    for (MatrixInputs.CaseRow c : inputs.cases()) {
      List<Object> row = new ArrayList<>(List.of(c.caseId()));
      caseAttributes.forEach(a -> row.add(c.attributes().getOrDefault(a, "")));
      List<MatrixInputs.ParticipantRow> members =
          inputs.participants().stream().filter(p -> p.caseId().equals(c.caseId())).toList();
      row.add(members.size());
      for (String category : categories) {
        int speakers = 0;
        int turns = 0;
        for (MatrixInputs.ParticipantRow p : members) {
          int n =
              inputs
                  .codedTurns()
                  .getOrDefault(p.participantId(), Map.of())
                  .getOrDefault(category, 0);
          speakers += n > 0 ? 1 : 0;
          turns += n;
        }
        row.add(speakers);
        row.add(turns);
      }
      caseRows.add(row);
    }
    MatrixCsv.write(directory.resolve(BY_CASE), caseHeader, caseRows);
  }

  private static void addCategoryColumns(List<String> header, List<String> categories) {
    Set<String> taken = new LinkedHashSet<>(header);
    for (String category : categories) {
      if (!taken.add(category) || !taken.add(category + "_n")) {
        throw new IllegalArgumentException(
            "category id " + category + " clashes with another column of the presence matrix");
      }
      header.add(category);
      header.add(category + "_n");
    }
  }
}
