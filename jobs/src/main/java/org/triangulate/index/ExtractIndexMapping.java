package org.triangulate.index;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import org.triangulate.study.Study;

/**
 * The explicit, strict mapping of the extracts index, built from the study so every case and
 * participant attribute is a keyword field under {@code attributes}. Only analyzers every cluster
 * has are used (the embedded distribution lacks analysis-common): {@code lemmas}, filled by
 * CoreNLP, gives stem-free matching ("supervising" finds "supervision").
 */
public final class ExtractIndexMapping {

  public static final String ALIAS_SUFFIX = "-extracts";

  private ExtractIndexMapping() {}

  public static String alias(String study) {
    return study + ALIAS_SUFFIX;
  }

  /** Field in the index holding the given attribute's value. */
  public static String attributeField(String attribute) {
    return "attributes." + attribute;
  }

  public static TypeMapping forStudy(Study study) {
    Map<String, Property> attributes = new LinkedHashMap<>();
    study.caseAttributes().forEach(a -> attributes.put(a.id(), keyword()));
    study.participantAttributes().forEach(a -> attributes.put(a.id(), keyword()));
    return TypeMapping.of(m ->
        m.dynamic(DynamicMapping.Strict)
            .properties("id", keyword())
            .properties("study", keyword())
            .properties("text", Property.of(p -> p.text(t -> t.analyzer("standard"))))
            .properties("lemmas", Property.of(p -> p.text(t -> t.analyzer("standard"))))
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
            .properties("runId", Property.of(p -> p.long_(l -> l))));
  }

  private static Property keyword() {
    return Property.of(p -> p.keyword(k -> k));
  }

  private static Property integer() {
    return Property.of(p -> p.integer(i -> i));
  }
}
