package org.triangulate.nlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One CoreNLP pipeline per language the study declares, each loaded on its first use: a language
 * the study does not declare has none, so no transcript is annotated with another language's models
 * by mistake and no model is loaded that the study does not need. Thread-safe.
 */
public final class LanguagePipelines {

  private final Map<String, CoreNlpAnnotator> pipelines = new LinkedHashMap<>();

  public LanguagePipelines(String annotators, NerSentences nerSentences, List<String> languages) {
    for (String language : languages) {
      pipelines.put(
          language, new CoreNlpAnnotator(annotators, nerSentences, CoreNlpLanguage.of(language)));
    }
  }

  /** English only, as configured. */
  public static LanguagePipelines english(CoreNlpAnnotator annotator) {
    return new LanguagePipelines(annotator);
  }

  private LanguagePipelines(CoreNlpAnnotator english) {
    pipelines.put(english.language(), english);
  }

  /** The pipeline of a declared language. */
  public CoreNlpAnnotator of(String language) {
    CoreNlpAnnotator pipeline = pipelines.get(language);
    if (pipeline == null) {
      throw new IllegalArgumentException(
          "no pipeline for language " + language + ": the study declares " + pipelines.keySet());
    }
    return pipeline;
  }

  /** Each language's pipeline settings, as text for the annotation fingerprint. */
  public String settings() {
    StringBuilder settings = new StringBuilder();
    pipelines.forEach((language, pipeline) ->
        settings.append(language).append(": ").append(pipeline.settings()).append('\n'));
    return settings.toString();
  }

  public Set<String> languages() {
    return pipelines.keySet();
  }

  /** The first declared language's: what a transcript of no known language is annotated in. */
  public String defaultLanguage() {
    return pipelines.keySet().iterator().next();
  }
}
