package org.triangulate.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Merges a REFI-QDA project's codebook into the study's categories: a code whose name is a
 * category's id or label (in any case and spacing) is that category; any other becomes a category
 * of its own, its id made from its name, under the theme of its top-level code (a study theme of
 * that name, or one named after it; a lone top-level code goes under {@code imported}). Immutable.
 */
final class CodebookMerge {

  private final Study study;

  CodebookMerge(Study study) {
    this.study = study;
  }

  Map<String, QdaImport.ImportedCode> merge(
      String fileName, QdaProject project, List<QuarantinedRecord> quarantined) {
    Map<String, QdaProject.Code> byGuid = new HashMap<>();
    project.codes().forEach(c -> byGuid.putIfAbsent(c.guid(), c));
    Set<String> taken = new HashSet<>();
    study.codebook().categories().forEach(c -> taken.add(c.id()));
    Map<String, QdaImport.ImportedCode> merged = new LinkedHashMap<>();
    for (QdaProject.Code code : project.codes()) {
      if (code.guid().isBlank() || merged.containsKey(code.guid())) {
        quarantined.add(
            new QuarantinedRecord(
                "coding",
                fileName,
                "code '" + code.name() + "'",
                code.guid().isBlank()
                    ? "code has no guid"
                    : "code guid " + code.guid() + " appears twice",
                null));
        continue;
      }
      String name = code.name().isBlank() ? code.guid() : code.name().strip();
      QdaProject.Code root = code;
      for (int depth = 0;
          root.parentGuid() != null && byGuid.containsKey(root.parentGuid()) && depth < 100;
          depth++) {
        root = byGuid.get(root.parentGuid());
      }
      Optional<Codebook.Category> existing = studyCategory(name);
      String category;
      String theme;
      if (existing.isPresent()) {
        category = existing.get().id();
        theme = study.codebook().themeOf(category);
      } else {
        category = slug(name);
        if (category.isEmpty() || !taken.add(category)) {
          category = truncate(slug(name) + "_" + slug(code.guid()), 100);
          taken.add(category);
        }
        theme =
            root == code
                    && byGuid.values().stream().noneMatch(c -> code.guid().equals(c.parentGuid()))
                ? "imported"
                : studyTheme(root.name())
                    .orElse(slug(root.name()).isEmpty() ? "imported" : slug(root.name()));
      }
      merged.put(
          code.guid(),
          new QdaImport.ImportedCode(
              code.guid(),
              code.parentGuid(),
              name,
              code.description(),
              code.color(),
              code.codable(),
              category,
              theme));
    }
    return merged;
  }

  private Optional<Codebook.Category> studyCategory(String name) {
    String wanted = slug(name);
    return study
        .codebook()
        .categories()
        .filter(c ->
            slug(c.id()).equals(wanted) || (c.label() != null && slug(c.label()).equals(wanted)))
        .findFirst();
  }

  private Optional<String> studyTheme(String name) {
    String wanted = slug(name);
    return study.codebook().themes().stream()
        .filter(t ->
            slug(t.id()).equals(wanted) || (t.label() != null && slug(t.label()).equals(wanted)))
        .map(Codebook.Theme::id)
        .findFirst();
  }

  /** A category id from a code's name: lower case letters and digits joined by '_'. */
  static String slug(String name) {
    String slug =
        java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    return truncate(slug, 80);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
