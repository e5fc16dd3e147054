package org.triangulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.triangulate.nlp.NerSentences;

class TriangulatePropertiesTest {

  @Test
  void nerReadsCandidateSentencesByDefault() {
    assertThat(bind(Map.of()).nlp().nerSentences()).isEqualTo(NerSentences.CANDIDATES);
  }

  @Test
  void nerCanReadEverySentence() {
    assertThat(bind(Map.of("triangulate.nlp.ner-sentences", "all")).nlp().nerSentences())
        .isEqualTo(NerSentences.ALL);
  }

  @Test
  void refusesAnUnknownNerSentencesValueNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("triangulate.nlp.ner-sentences", "some")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("triangulate.nlp.ner-sentences");
  }

  @Test
  void refusesCandidateSentencesWhenAnnotatorsFollowNer() {
    assertThatThrownBy(() ->
            bind(
                Map.of(
                    "triangulate.nlp.annotators", "tokenize,ssplit,pos,lemma,ner,parse",
                    "triangulate.nlp.ner-sentences", "candidates")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("triangulate.nlp.ner-sentences: candidates needs ner last");
  }

  @Test
  void acceptsAnnotatorsAfterNerWhenItReadsEverySentence() {
    TriangulateProperties properties =
        bind(
            Map.of(
                "triangulate.nlp.annotators", "tokenize,ssplit,pos,lemma,ner,parse",
                "triangulate.nlp.ner-sentences", "all"));

    assertThat(properties.nlp().annotators()).endsWith(",parse");
  }

  private static TriangulateProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("triangulate", TriangulateProperties.class);
  }
}
