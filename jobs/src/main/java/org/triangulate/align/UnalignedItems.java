package org.triangulate.align;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * The study's items that no segment is aligned to at the quote threshold: their rows go unquoted.
 */
public final class UnalignedItems {

  private UnalignedItems() {}

  /** Their ids, in the study's order. */
  public static List<String> of(JdbcTemplate jdbc, Study study) {
    List<String> aligned =
        jdbc.queryForList(
            "select distinct item_id from item_alignment where study = ? and score >= ?",
            String.class,
            study.name(),
            study.alignment().quoteMinScore());
    return study.items().stream().map(Study.Item::id).filter(id -> !aligned.contains(id)).toList();
  }

  /** One line for a report. */
  public static String line(List<String> unaligned, Study study) {
    return unaligned.isEmpty()
        ? "Every item has extracts aligned to it (alignment score >= "
            + study.alignment().quoteMinScore()
            + ")."
        : "Items without any extract aligned to them (alignment score >= "
            + study.alignment().quoteMinScore()
            + "), so without quotes: "
            + String.join(", ", unaligned);
  }
}
