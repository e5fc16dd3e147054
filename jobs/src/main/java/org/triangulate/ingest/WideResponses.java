package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.study.Study;

/**
 * Wide-form responses.csv: one row per participant with columns {@code <item>_A} (happening) and
 * {@code <item>_B} (importance), detected by its header. Each row becomes one long-form answer per
 * item with a value, keeping the row's line and naming the wide column in messages.
 */
final class WideResponses {

  private static final Pattern ANSWER_COLUMN = Pattern.compile("(.+)_(a|b)");

  private WideResponses() {}

  /** Wide when there is no item id column and some column looks like {@code <item>_A|B}. */
  static boolean isWide(List<String> headers) {
    boolean itemColumn = false;
    boolean answerColumn = false;
    for (String header : headers) {
      String key = CsvRow.normalise(header);
      itemColumn |= CsvRow.squash(key).equals("itemid");
      answerColumn |= ANSWER_COLUMN.matcher(key).matches();
    }
    return answerColumn && !itemColumn;
  }

  /** The long-form answers of a wide row, in column order; none when every answer is blank. */
  static List<CsvRow> expand(CsvRow row, Study study) {
    Map<String, String[]> columnsOfItem = new LinkedHashMap<>();
    for (String key : row.fields().keySet()) {
      Matcher m = ANSWER_COLUMN.matcher(key);
      if (m.matches()) {
        String[] columns = columnsOfItem.computeIfAbsent(m.group(1), k -> new String[2]);
        columns[m.group(2).equals("a") ? 0 : 1] = key;
      }
    }
    List<CsvRow> answers = new ArrayList<>();
    columnsOfItem.forEach((item, columns) -> {
      String happening = columns[0] == null ? "" : row.get(columns[0]);
      String importance = columns[1] == null ? "" : row.get(columns[1]);
      if (happening.isEmpty() && importance.isEmpty()) {
        return;
      }
      String answerColumn = columns[0] != null ? columns[0] : columns[1];
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("participant_id", row.get("participant_id"));
      fields.put("item_id", itemId(item, row.header(answerColumn), study));
      fields.put("happening", happening);
      fields.put("importance", importance);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("participant_id", row.header("participant_id"));
      headers.put("item_id", row.header(answerColumn));
      headers.put("happening", columns[0] == null ? item + "_A" : row.header(columns[0]));
      headers.put("importance", columns[1] == null ? item + "_B" : row.header(columns[1]));
      answers.add(new CsvRow(row.fileName(), row.line(), fields, headers, row.asText()));
    });
    return answers;
  }

  /** The study's item whose id normalises like the column's prefix, else the prefix as written. */
  private static String itemId(String normalisedItem, String header, Study study) {
    for (Study.Item item : study.items()) {
      if (CsvRow.normalise(item.id()).equals(normalisedItem)) {
        return item.id();
      }
    }
    return header.strip().replaceFirst("(?i)[^A-Za-z0-9]*[ab]$", "");
  }
}
