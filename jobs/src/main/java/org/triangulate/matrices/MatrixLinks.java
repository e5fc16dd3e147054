package org.triangulate.matrices;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links from a matrix cell to the search page's filters for its case and category. */
final class MatrixLinks {

  private MatrixLinks() {}

  static String search(String base, String caseId, String categoryId) {
    return base
        + "?case="
        + URLEncoder.encode(caseId, StandardCharsets.UTF_8)
        + "&category="
        + URLEncoder.encode(categoryId, StandardCharsets.UTF_8);
  }
}
