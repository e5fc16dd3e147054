package org.triangulate.index;

import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.IndexOptions;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.json.JsonData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.triangulate.study.Study;

/**
 * The explicit, strict mapping of the extracts index, built from the study so every case and
 * participant attribute is a keyword field under {@code attributes}. A document with any other
 * field is rejected. Three ways to match words, from exact to loose:
 *
 * <ul>
 *   <li>{@code text}: the words as said (standard analyzer), plus {@code text.english} (stemmed)
 *       when the cluster has the {@code english} analyzer — the embedded distribution lacks the
 *       analysis-common module, an ordinary cluster has it;
 *   <li>{@code lemmas}: CoreNLP's lemmas, which undo inflection on any cluster ("supervising" →
 *       "supervise");
 *   <li>{@code stems}: the Snowball stem of each lemma, computed in Java so it needs no analyzer
 *       plugin, which also conflates derivations ("supervision", "supervise" → "supervis").
 * </ul>
 *
 * <p>And one way to match meaning: {@code vector}, the segment's sentence vector from item
 * alignment, searched by kNN.
 *
 * <p>The index's {@code _meta.layout} records what shaped the mapping, so an incremental run can
 * tell whether the live index still fits the study.
 */
public final class ExtractIndexMapping {

  public static final String ALIAS_SUFFIX = "-extracts";

  /** Raised whenever the fields below change, so incremental runs rebuild instead of updating. */
  static final int VERSION = 6;

  /** The field holding each extract's sentence vector, for search by meaning (kNN). */
  public static final String VECTOR = "vector";

  /** The sentence model's dimensions (all-MiniLM-L6-v2). */
  public static final int VECTOR_DIMS = 384;

  private ExtractIndexMapping() {}

  public static String alias(String study) {
    return study + ALIAS_SUFFIX;
  }

  /** Field in the index holding the given attribute's value. */
  public static String attributeField(String attribute) {
    return "attributes." + attribute;
  }

  /** The mapping without the {@code english} subfield (what the embedded distribution can hold). */
  public static TypeMapping forStudy(Study study) {
    return forStudy(study, false);
  }

  /**
   * What determines the mapping: its version, whether {@code text.english} exists and the
   * attributes.
   */
  public static String layout(Study study, boolean english) {
    return "v"
        + VERSION
        + ";english="
        + english
        + ";attributes="
        + String.join(",", attributes(study));
  }

  public static TypeMapping forStudy(Study study, boolean english) {
    Map<String, Property> attributes = new LinkedHashMap<>();
    attributes(study).forEach(a -> attributes.put(a, keyword()));
    Property text =
        Property.of(p ->
            p.text(t -> {
              // Offsets in the postings let the highlighter mark hits without analysing each hit's
              // text again in a memory index: measured under search load, that was a fifth of
              // Elasticsearch's CPU.
              t.analyzer("standard").indexOptions(IndexOptions.Offsets);
              if (english) {
                t.fields("english", f -> f.text(e -> e.analyzer("english")));
              }
              return t;
            }));
    return TypeMapping.of(m ->
        m.dynamic(DynamicMapping.Strict)
            .meta("layout", JsonData.of(layout(study, english)))
            .properties("id", keyword())
            .properties("study", keyword())
            .properties("text", text)
            .properties("lemmas", standardText())
            .properties("stems", standardText())
            .properties("speakerRole", keyword())
            .properties("participantId", keyword())
            .properties("caseId", keyword())
            .properties(
                "attributes",
                Property.of(
                    p -> p.object(o -> o.dynamic(DynamicMapping.Strict).properties(attributes))))
            .properties("categories", keyword())
            .properties("themes", keyword())
            .properties("codingProvenance", keyword())
            .properties("sourceFile", keyword())
            .properties("startOffset", integer())
            .properties("endOffset", integer())
            .properties("turnIndex", integer())
            .properties("deidentified", Property.of(p -> p.boolean_(b -> b)))
            .properties("runId", Property.of(p -> p.long_(l -> l)))
            .properties("fingerprint", keyword())
            .properties("language", keyword())
            .properties("sourceKind", keyword())
            .properties("workshopId", keyword())
            .properties("pack", keyword())
            .properties("stakeholderGroups", keyword())
            // Indexed for approximate kNN (HNSW); cosine, as the aligner compares vectors.
            .properties(
                VECTOR,
                Property.of(p ->
                    p.denseVector(d ->
                        d.dims(VECTOR_DIMS)
                            .index(true)
                            .similarity(DenseVectorSimilarity.Cosine)))));
  }

  private static List<String> attributes(Study study) {
    return Stream.concat(
            study.caseAttributes().stream().map(Study.Attribute::id),
            study.participantAttributes().stream().map(Study.Attribute::id))
        .toList();
  }

  private static Property standardText() {
    return Property.of(p -> p.text(t -> t.analyzer("standard")));
  }

  private static Property keyword() {
    return Property.of(p -> p.keyword(k -> k));
  }

  private static Property integer() {
    return Property.of(p -> p.integer(i -> i));
  }
}
