package org.triangulate.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.language.PassageLanguages;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;
import org.triangulate.study.StudyConfigException;

/**
 * The study's facet dimensions in display order: theme, category, every case and participant
 * attribute, case, speaker role, source kind (a transcript or a feedback workshop's note: notes
 * have no case, speaker or attribute, so those facets never count them), and language where the
 * study declares several. Built once from the study; immutable and thread-safe.
 */
public final class SearchDimensions {

  public static final String CASE = "case";
  public static final String ROLE = "role";
  public static final String CATEGORY = "category";
  public static final String THEME = "theme";
  public static final String LANGUAGE = "language";
  public static final String SOURCE_KIND = "source_kind";

  /**
   * Request parameters that are not filters; an attribute with one of these ids could not be
   * filtered.
   */
  static final Set<String> RESERVED_PARAMS =
      Set.of("q", "page", "size", "sort", "cursor", "view", "mode", "like");

  private final List<FacetDimension> all;
  private final List<FacetDimension> attributes;

  private SearchDimensions(
      List<FacetDimension> themeAndCategory,
      List<FacetDimension> attributes,
      List<FacetDimension> rest) {
    this.attributes = List.copyOf(attributes);
    this.all = Stream.of(themeAndCategory, attributes, rest).flatMap(List::stream).toList();
  }

  public static SearchDimensions forStudy(Study study) {
    Codebook codebook = study.codebook();
    Map<String, String> themes = new LinkedHashMap<>();
    codebook.themes().forEach(t -> themes.put(t.id(), t.label()));
    Map<String, String> categories = new LinkedHashMap<>();
    codebook.categories().forEach(c -> categories.put(c.id(), c.label()));
    List<FacetDimension> attributes = new ArrayList<>();
    Stream.concat(study.caseAttributes().stream(), study.participantAttributes().stream())
        .forEach(a ->
            attributes.add(
                new FacetDimension(
                    a.id(), ExtractIndexMapping.attributeField(a.id()), a.label(), a.values())));
    List<FacetDimension> themeAndCategory =
        List.of(
            new FacetDimension(THEME, "themes", "Theme", themes),
            new FacetDimension(CATEGORY, "categories", "Category", categories));
    List<FacetDimension> rest = new ArrayList<>();
    rest.addAll(
        List.of(
            new FacetDimension(CASE, "caseId", "Case", Map.of()),
            new FacetDimension(
                ROLE,
                "speakerRole",
                "Speaker",
                Map.of(
                    ExtractDocument.PARTICIPANT_ROLE,
                    "Participant",
                    ExtractDocument.INTERVIEWER_ROLE,
                    "Interviewer")),
            new FacetDimension(
                SOURCE_KIND,
                "sourceKind",
                "Source",
                Map.of(
                    ExtractDocument.TRANSCRIPT,
                    "Transcript",
                    ExtractDocument.WORKSHOP,
                    "Workshop note"))));
    if (study.languages().declared().size() > 1) {
      Map<String, String> names = new LinkedHashMap<>();
      study.languages().declared().forEach(l -> names.put(l, PassageLanguages.name(l)));
      rest.add(new FacetDimension(LANGUAGE, "language", "Language", names));
    }
    for (FacetDimension a : attributes) {
      // The URL names an attribute's filter by its bare id, so it must not shadow another
      // parameter.
      if (RESERVED_PARAMS.contains(a.id())
          || Set.of(CASE, ROLE, CATEGORY, THEME, LANGUAGE, SOURCE_KIND).contains(a.id())) {
        throw new StudyConfigException(
            "study.yml: attribute id '"
                + a.id()
                + "' clashes with a search parameter of the same name; rename the attribute");
      }
    }
    return new SearchDimensions(themeAndCategory, attributes, rest);
  }

  public List<FacetDimension> all() {
    return all;
  }

  /** The study's case and participant attributes, in the order study.yml declares them. */
  public List<FacetDimension> attributes() {
    return attributes;
  }

  public Optional<FacetDimension> find(String id) {
    return all.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return all.stream().map(FacetDimension::id).toList();
  }

  /** Label of a value of a dimension, e.g. a category's label; the raw value for unknown ones. */
  public String valueLabel(String dimension, String value) {
    return find(dimension).map(d -> d.valueLabel(value)).orElse(value);
  }
}
