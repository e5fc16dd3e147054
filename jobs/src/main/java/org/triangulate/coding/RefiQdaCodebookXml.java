package org.triangulate.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Writes a project's {@code CodeBook}: each theme a code that is not codable, its categories
 * beneath it (named by label, described, coloured), then the categories only an imported project
 * has, under their theme, named by their id so that re-importing the file gives the id back.
 * Stateless.
 */
final class RefiQdaCodebookXml {

  private static final String[] COLOURS = {
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
    "#BCBD22", "#17BECF"
  };

  private RefiQdaCodebookXml() {}

  /** Writes the codebook (if there is one) and returns each category's code GUID. */
  static Map<String, String> write(
      QdeXml xml, Study study, List<RefiQdaExporter.ImportedCategory> importedCategories) {
    Map<String, String> codeOfCategory = new LinkedHashMap<>();
    Map<String, List<RefiQdaExporter.ImportedCategory>> importedByTheme = new LinkedHashMap<>();
    importedCategories.forEach(
        c -> importedByTheme.computeIfAbsent(c.theme(), t -> new ArrayList<>()).add(c));
    List<Codebook.Theme> themes = study.codebook().themes();
    if (themes.isEmpty() && importedCategories.isEmpty() && study.items().isEmpty()) {
      return codeOfCategory;
    }
    xml.start(1, "CodeBook").start(2, "Codes");
    int colour = 0;
    for (Codebook.Theme theme : themes) {
      themeCode(xml, study, theme.id(), label(theme.label(), theme.id()));
      for (Codebook.Category category : theme.categories()) {
        colour =
            categoryCode(
                xml,
                study,
                category.id(),
                label(category.label(), category.id()),
                category.description(),
                colour,
                codeOfCategory);
      }
      for (var imported : importedByTheme.getOrDefault(theme.id(), List.of())) {
        colour =
            categoryCode(
                xml,
                study,
                imported.category(),
                imported.category(),
                imported.description(),
                colour,
                codeOfCategory);
      }
      importedByTheme.remove(theme.id());
      xml.end(3);
    }
    for (var theme : importedByTheme.entrySet()) {
      themeCode(xml, study, theme.getKey(), theme.getKey());
      for (var imported : theme.getValue()) {
        colour =
            categoryCode(
                xml,
                study,
                imported.category(),
                imported.category(),
                imported.description(),
                colour,
                codeOfCategory);
      }
      xml.end(3);
    }
    // Item alignments: one code per item (item:<id>, named by its wording) under its domain.
    for (Study.Domain domain : study.domains()) {
      List<Study.Item> items =
          study.items().stream().filter(i -> i.domain().equals(domain.id())).toList();
      if (items.isEmpty()) {
        continue;
      }
      themeCode(
          xml,
          study,
          StoredCodings.ITEM_PREFIX + domain.id(),
          "Items: " + label(domain.label(), domain.id()));
      for (Study.Item item : items) {
        colour =
            categoryCode(
                xml,
                study,
                StoredCodings.ITEM_PREFIX + item.id(),
                StoredCodings.ITEM_PREFIX + item.id(),
                item.text(),
                colour,
                codeOfCategory);
      }
      xml.end(3);
    }
    xml.end(2).end(1);
    return codeOfCategory;
  }

  private static void themeCode(QdeXml xml, Study study, String id, String name) {
    xml.start(3, "Code")
        .attribute("guid", QdeXml.guid(study, "theme/" + id))
        .attribute("name", name)
        .attribute("isCodable", "false");
  }

  private static int categoryCode(
      QdeXml xml,
      Study study,
      String id,
      String name,
      String description,
      int colour,
      Map<String, String> codeOfCategory) {
    String guid = QdeXml.guid(study, "category/" + id);
    codeOfCategory.put(id, guid);
    xml.start(4, "Code")
        .attribute("guid", guid)
        .attribute("name", name)
        .attribute("isCodable", "true")
        .attribute("color", COLOURS[colour % COLOURS.length])
        .description(5, description)
        .end(4);
    return colour + 1;
  }

  private static String label(String label, String id) {
    return label == null || label.isBlank() ? id : label;
  }
}
