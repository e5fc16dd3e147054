package org.triangulate.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What CoreNLP offers for one language: the annotators its models support and the settings of its
 * pipeline. English runs as configured; French reads the settings its model jar ships ({@code
 * StanfordCoreNLP-french.properties}: UD tokenisation with multi-word tokens split, a UD tagger and
 * a 4-class NER model: person, location, organisation, misc) and has no lemmatiser, so its lemmas
 * are the lower-cased words. Immutable.
 */
public enum CoreNlpLanguage {
  ENGLISH("en", null, List.of("tokenize", "ssplit", "pos", "lemma", "ner")),
  FRENCH(
      "fr",
      "StanfordCoreNLP-french.properties",
      List.of("tokenize", "ssplit", "mwt", "pos", "ner"));

  private final String code;
  private final String defaults;
  private final List<String> offered;

  CoreNlpLanguage(String code, String defaults, List<String> offered) {
    this.code = code;
    this.defaults = defaults;
    this.offered = offered;
  }

  public String code() {
    return code;
  }

  /** The annotators this language's pipeline runs for the ones asked for. */
  public List<String> offered() {
    return offered;
  }

  /** The language of an ISO 639-1 code. */
  public static CoreNlpLanguage of(String code) {
    return Arrays.stream(values())
        .filter(l -> l.code.equals(code))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no CoreNLP pipeline for language " + code));
  }

  /**
   * The asked-for annotators this language offers, in order, with the multi-word-token splitter
   * after the sentence splitter where the language needs one (its tagger reads split tokens).
   */
  public String annotators(String asked) {
    List<String> kept = new ArrayList<>();
    for (String name : asked.split(",")) {
      String annotator = name.strip();
      if (offered.contains(annotator)) {
        kept.add(annotator);
        if (annotator.equals("ssplit") && offered.contains("mwt")) {
          kept.add("mwt");
        }
      }
    }
    return String.join(",", kept);
  }

  /**
   * The pipeline's settings: English's as given; another language's from its model jar, with the
   * same choices as English where they apply (newlines between turns, NER without SUTime, numeric
   * classifiers or fine-grained rules).
   */
  Properties properties(String annotators, Properties english) {
    if (defaults == null) {
      return english;
    }
    Properties properties = new Properties();
    try (InputStream in = CoreNlpLanguage.class.getClassLoader().getResourceAsStream(defaults)) {
      if (in == null) {
        throw new IllegalStateException(
            defaults + " is not on the class path: the " + name() + " models jar is missing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    properties.setProperty("annotators", annotators);
    for (String key :
        List.of(
            "ssplit.newlineIsSentenceBreak",
            "ner.useSUTime",
            "ner.applyNumericClassifiers",
            "ner.applyFineGrained",
            "ner.buildEntityMentions")) {
      properties.setProperty(key, english.getProperty(key));
    }
    return properties;
  }
}
