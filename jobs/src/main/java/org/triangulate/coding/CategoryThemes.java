package org.triangulate.coding;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * The theme of every category a coding may carry: the codebook's categories, and the categories
 * merged in from imported REFI-QDA codebooks (with the theme their import gave them). Loaded once
 * per use; immutable.
 */
public final class CategoryThemes {

  private final Study study;
  private final Map<String, String> imported = new HashMap<>();

  public CategoryThemes(JdbcTemplate jdbc, Study study) {
    this.study = study;
    jdbc.query(
        "select category, theme from imported_code where study = ?",
        rs -> {
          imported.putIfAbsent(rs.getString(1), rs.getString(2));
        },
        study.name());
  }

  public String themeOf(String category) {
    boolean inCodebook = study.codebook().categories().anyMatch(c -> c.id().equals(category));
    return inCodebook
        ? study.codebook().themeOf(category)
        : imported.getOrDefault(category, "imported");
  }
}
