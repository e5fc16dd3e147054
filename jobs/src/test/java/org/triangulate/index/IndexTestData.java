package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.triangulate.nlp.WordStems;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/** The demo study under a test's own name, clients, and extract documents for index tests. */
final class IndexTestData {

  private IndexTestData() {}

  static Study demoNamed(String name) {
    return new StudyLoader()
        .load(TestElasticsearch.home().resolve("config"), "demo")
        .withName(name);
  }

  static ElasticsearchClient client(URI url) {
    return ElasticsearchClient.of(
        b -> b.host(url.toString()).jsonMapper(new Jackson3JsonpMapper()));
  }

  /** A participant's extract in case C01 with the demo's attributes and the given text. */
  static ExtractDocument extract(String study, String id, String text) {
    return extract(
        study,
        id,
        text,
        Map.of(
            "employer", "nhs",
            "org_context", "nhs_only",
            "setting", "inpatient",
            "stakeholder_group", "peer_worker"));
  }

  static ExtractDocument extract(
      String study, String id, String text, Map<String, String> attributes) {
    String lemmas = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
    return ExtractDocument.builder()
        .id(id)
        .study(study)
        .text(text)
        .lemmas(lemmas)
        .stems(WordStems.ofLemmas(lemmas))
        .speakerRole(ExtractDocument.PARTICIPANT_ROLE)
        .participantId("P01")
        .caseId("C01")
        .attributes(attributes)
        .categories(List.of("supervision"))
        .themes(List.of("support_and_development"))
        .codingProvenance(List.of("rule:supervision"))
        .sourceFile("P01.txt")
        .startOffset(0)
        .endOffset(text.length())
        .turnIndex(1)
        .deidentified(true)
        .runId(1L)
        .build();
  }
}
