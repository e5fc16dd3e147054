package org.triangulate.workshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.coding.CategoryThemes;
import org.triangulate.index.ExtractDocument;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;

/**
 * The study's stored workshop notes as documents of the extracts index, of source kind {@link
 * ExtractDocument#WORKSHOP}: the de-identified text with its lemmas and stems (so the search's word
 * matching finds them like a transcript's turn), the categories and themes, the workshop, the pack
 * it discussed and the stakeholder groups present. No participant, case, speaker or attribute: a
 * note is nobody's answer, and the facets and statistics that count participants never see one.
 */
public final class WorkshopNoteDocuments {

  /** Notes are lemmatised as {@link WorkshopNotesTasklet} lemmatised them for coding. */
  private static final String LANGUAGE = "en";

  private static final String PREFIX = "workshop-";

  private WorkshopNoteDocuments() {}

  /** A note's document id, apart from every segment's. */
  public static String documentId(String noteId) {
    return PREFIX + noteId;
  }

  /** The document ids of the notes the store holds. */
  public static List<String> storedIds(JdbcTemplate jdbc, String study) {
    return jdbc
        .queryForList("select note_id from workshop_note where study = ?", String.class, study)
        .stream()
        .map(WorkshopNoteDocuments::documentId)
        .toList();
  }

  public static long count(JdbcTemplate jdbc, String study) {
    return jdbc.queryForObject(
        "select count(*) from workshop_note where study = ?", Long.class, study);
  }

  public static List<ExtractDocument> of(JdbcTemplate jdbc, Study study, long runId) {
    record Row(
        String noteId, String workshop, String pack, String groups, String text, String cats) {}
    List<Row> rows =
        jdbc.query(
            "select note_id, workshop_id, pack, stakeholder_groups, deidentified_text, categories"
                + " from workshop_note where study = ? order by workshop_id, paragraph, note_id",
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)),
            study.name());
    if (rows.isEmpty()) {
      return List.of();
    }
    CategoryThemes themes = new CategoryThemes(jdbc, study);
    CoreNlpAnnotator lemmatiser = new CoreNlpAnnotator("tokenize,ssplit,pos,lemma");
    List<ExtractDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      String lemmas =
          lemmatiser.annotate(row.text()).stream()
              .flatMap(s -> s.tokens().stream())
              .map(t -> t.lemma() == null ? t.word() : t.lemma())
              .collect(Collectors.joining(" "));
      List<String> categories = split(row.cats());
      documents.add(
          ExtractDocument.builder()
              .id(documentId(row.noteId()))
              .study(study.name())
              .text(row.text())
              .lemmas(lemmas)
              .stems(WordStems.ofLemmas(lemmas, LANGUAGE))
              .categories(categories)
              .themes(categories.stream().map(themes::themeOf).distinct().toList())
              .startOffset(0)
              .endOffset(row.text().length())
              .turnIndex(0)
              .deidentified(true)
              .runId(runId)
              .language(LANGUAGE)
              .sourceKind(ExtractDocument.WORKSHOP)
              .workshopId(row.workshop())
              .pack(row.pack() == null || row.pack().isEmpty() ? null : row.pack())
              .stakeholderGroups(split(row.groups()))
              .build());
    }
    return documents;
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : Arrays.stream(joined.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
