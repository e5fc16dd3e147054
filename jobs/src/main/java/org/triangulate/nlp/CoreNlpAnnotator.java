package org.triangulate.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sentence splitting, tagging, lemmatisation and named entities with Stanford CoreNLP. The pipeline
 * is built once, on first use (it takes seconds and hundreds of MB), and shared: annotating is
 * thread-safe.
 */
public class CoreNlpAnnotator {

  private final String annotators;
  private volatile StanfordCoreNLP pipeline;

  public CoreNlpAnnotator(String annotators) {
    this.annotators = annotators;
  }

  // Built on first use: commands that never annotate (serve, history) don't pay the load.
  private StanfordCoreNLP pipeline() {
    StanfordCoreNLP built = pipeline;
    if (built == null) {
      synchronized (this) {
        built = pipeline;
        if (built == null) {
          built = build(annotators);
          pipeline = built;
        }
      }
    }
    return built;
  }

  private static StanfordCoreNLP build(String annotators) {
    return new StanfordCoreNLP(properties(annotators));
  }

  /** The pipeline's settings; public so benchmarks can run CoreNLP alone exactly as configured. */
  public static Properties properties(String annotators) {
    Properties properties = new Properties();
    properties.setProperty("annotators", annotators);
    properties.setProperty("tokenize.language", "en");
    // Transcripts are not newswire: keep quotes and brackets as typed, split on newlines between
    // turns.
    properties.setProperty(
        "tokenize.options",
        "invertible=true,normalizeParentheses=false,normalizeOtherBrackets=false");
    properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
    properties.setProperty("ner.useSUTime", "false");
    properties.setProperty("ner.applyNumericClassifiers", "false");
    // De-identification needs people, places and organisations only. The default NER runs three CRF
    // models and fine-grained rules (CITY, STATE_OR_PROVINCE, ...): measured here on demo
    // transcripts, 380 words/s against 6,200 for the one 3-class model without the rules.
    properties.setProperty(
        "ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
    properties.setProperty("ner.applyFineGrained", "false");
    properties.setProperty("ner.buildEntityMentions", "false");
    return properties;
  }

  public String annotators() {
    return annotators;
  }

  /** Sentences of {@code text} with offsets relative to it. */
  public List<AnnotatedSentence> annotate(String text) {
    Annotation document = new Annotation(text);
    pipeline().annotate(document);
    List<AnnotatedSentence> sentences = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<AnnotatedSentence.Token> tokens = new ArrayList<>();
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        tokens.add(
            new AnnotatedSentence.Token(
                token.beginPosition(),
                token.endPosition(),
                token.word(),
                token.lemma(),
                token.tag(),
                token.ner()));
      }
      sentences.add(
          new AnnotatedSentence(
              sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
              sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
              tokens));
    }
    return sentences;
  }
}
