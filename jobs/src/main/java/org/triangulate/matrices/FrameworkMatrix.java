package org.triangulate.matrices;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triangulate.study.Happening;

/**
 * NVivo's framework matrix, computed: one row per case, one column per category, each cell the
 * participants of the case who spoke to the category (a turn of theirs coded to it), the share of
 * those participants' answers to the category's items that say it is in place (yes / (yes + partly
 * + no)), and up to {@code quotesPerCell} quotes from different participants. Immutable.
 */
public record FrameworkMatrix(List<Column> columns, List<Row> rows) {

  public FrameworkMatrix {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** A category and the items its answers are read from. */
  public record Column(String categoryId, String label, List<String> items) {}

  public record Row(String caseId, int participants, List<Cell> cells) {}

  /**
   * @param speakers participants of the case with a turn coded to the category
   * @param inPlace their answers "yes" to the category's items
   * @param answered their yes, partly and no answers to those items
   * @param searchUrl the search page filtered to this case and category
   */
  public record Cell(
      int speakers, int inPlace, int answered, List<MatrixInputs.Quote> quotes, String searchUrl) {

    /** yes / (yes + partly + no), NaN when none of the speakers answered the items. */
    public double inPlaceShare() {
      return answered == 0 ? Double.NaN : (double) inPlace / answered;
    }
  }

  /**
   * @param searchBase the search page's address, e.g. {@code http://127.0.0.1:8080/}
   */
  public static FrameworkMatrix of(
      MatrixInputs inputs, List<Column> columns, int quotesPerCell, String searchBase) {
    Map<String, List<MatrixInputs.ParticipantRow>> byCase = new LinkedHashMap<>();
    inputs.cases().forEach(c -> byCase.put(c.caseId(), new ArrayList<>()));
    inputs
        .participants()
        .forEach(p -> byCase.computeIfAbsent(p.caseId(), c -> new ArrayList<>()).add(p));
    List<Row> rows = new ArrayList<>();
    byCase.forEach((caseId, participants) -> {
      List<Cell> cells = new ArrayList<>();
      for (Column column : columns) {
        cells.add(cell(inputs, caseId, participants, column, quotesPerCell, searchBase));
      }
      rows.add(new Row(caseId, participants.size(), cells));
    });
    return new FrameworkMatrix(columns, rows);
  }

  private static Cell cell(
      MatrixInputs inputs,
      String caseId,
      List<MatrixInputs.ParticipantRow> participants,
      Column column,
      int quotesPerCell,
      String searchBase) {
    int speakers = 0;
    int inPlace = 0;
    int answered = 0;
    for (MatrixInputs.ParticipantRow p : participants) {
      if (inputs
              .codedTurns()
              .getOrDefault(p.participantId(), Map.of())
              .getOrDefault(column.categoryId(), 0)
          == 0) {
        continue;
      }
      speakers++;
      Map<String, Happening> answers = inputs.answers().getOrDefault(p.participantId(), Map.of());
      for (String item : column.items()) {
        Happening answer = answers.get(item);
        if (answer != null && answer.isSubstantive()) {
          answered++;
          inPlace += answer == Happening.YES ? 1 : 0;
        }
      }
    }
    List<MatrixInputs.Quote> quotes = new ArrayList<>();
    Set<String> quoted = new HashSet<>();
    for (MatrixInputs.Quote q :
        inputs
            .quotes()
            .getOrDefault(caseId, Map.of())
            .getOrDefault(column.categoryId(), List.of())) {
      if (quotes.size() < quotesPerCell && quoted.add(q.participantId())) {
        quotes.add(q);
      }
    }
    return new Cell(
        speakers,
        inPlace,
        answered,
        quotes,
        MatrixLinks.search(searchBase, caseId, column.categoryId()));
  }
}
