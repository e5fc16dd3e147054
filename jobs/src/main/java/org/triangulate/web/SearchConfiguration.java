package org.triangulate.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search's query analysis: CoreNLP lemmas and Snowball stems, as the index was built. In the
 * web server the models (and the sentence-embedding model a search by meaning needs) load in the
 * background as it starts, so the first search does not wait.
 */
@Configuration
class SearchConfiguration {

  @Bean
  CoreNlpQueryLemmatizer queryLemmatizer() {
    return new CoreNlpQueryLemmatizer();
  }

  @Bean
  QueryAnalyzer queryAnalyzer(QueryLemmatizer lemmatizer, org.triangulate.study.Study study) {
    return new QueryAnalyzer(
        lemmatizer, study.languages().declared().stream().filter(l -> !l.equals("en")).toList());
  }

  @Bean
  @ConditionalOnWebApplication
  ApplicationListener<WebServerInitializedEvent> warmUpQueryLemmatizer(
      CoreNlpQueryLemmatizer lemmatizer) {
    return event -> Thread.ofPlatform().daemon().name("warm-up-corenlp").start(lemmatizer::warmUp);
  }

  @Bean
  @ConditionalOnWebApplication
  ApplicationListener<WebServerInitializedEvent> warmUpSentenceModel(
      org.triangulate.align.Embedders embedders) {
    return event ->
        Thread.ofPlatform()
            .daemon()
            .name("warm-up-embeddings")
            .start(() -> {
              try {
                embedders.get();
              } catch (org.triangulate.align.AlignmentModelException e) {
                // Searches by words work without it; a search by meaning reports the error.
                org.slf4j.LoggerFactory.getLogger(SearchConfiguration.class).warn(e.getMessage());
              }
            });
  }
}
