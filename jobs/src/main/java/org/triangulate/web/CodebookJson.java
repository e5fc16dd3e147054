package org.triangulate.web;

import java.util.List;
import org.triangulate.study.Codebook;

/**
 * The codebook as {@code /api/categories} shows it: themes with their categories' labels,
 * descriptions and the items they speak to. The auto-coding rules stay internal. Immutable.
 */
record CodebookJson(List<ThemeJson> themes) {

  record ThemeJson(String id, String label, List<CategoryJson> categories) {}

  record CategoryJson(String id, String label, String description, List<String> items) {}

  static CodebookJson of(Codebook codebook) {
    return new CodebookJson(
        codebook.themes().stream()
            .map(t ->
                new ThemeJson(
                    t.id(),
                    t.label(),
                    t.categories().stream()
                        .map(c -> new CategoryJson(c.id(), c.label(), c.description(), c.items()))
                        .toList()))
            .toList());
  }
}
