package org.triangulate.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Sentence splitting, tagging, lemmatisation and named entities with Stanford CoreNLP. The pipeline
 * is built once, on first use (it takes seconds and hundreds of MB), and shared: annotating is
 * thread-safe. With {@link NerSentences#CANDIDATES}, NER reads only the sentences {@link
 * NerCandidateSentences} lets through; the others' tokens are labelled {@code O}, as NER labels
 * them.
 */
public class CoreNlpAnnotator {

  private static final String NER = "ner";

  private final String annotators;
  private final NerSentences nerSentences;
  private final String language;
  private volatile Pipelines pipelines;

  /** The annotators, all of them on every sentence. */
  public CoreNlpAnnotator(String annotators) {
    this(annotators, NerSentences.ALL);
  }

  public CoreNlpAnnotator(String annotators, NerSentences nerSentences) {
    this(annotators, nerSentences, CoreNlpLanguage.ENGLISH);
  }

  /**
   * A pipeline for {@code language}: the annotators it offers among those asked for (see {@link
   * CoreNlpLanguage#annotators}).
   */
  public CoreNlpAnnotator(String annotators, NerSentences nerSentences, CoreNlpLanguage language) {
    this(language.annotators(annotators), nerSentences, language.code());
  }

  private CoreNlpAnnotator(String annotators, NerSentences nerSentences, String language) {
    if (nerSentences == NerSentences.CANDIDATES && !nerIsLastOrAbsent(annotators)) {
      throw new IllegalArgumentException(
          "NER on candidate sentences only needs ner last among the annotators, was " + annotators);
    }
    this.annotators = annotators;
    this.nerSentences = nerSentences;
    this.language = language;
  }

  /** What shapes this annotator's output, as text for the annotation fingerprint. */
  public String settings() {
    return "annotators=" + annotators + " ner-sentences=" + nerSentences;
  }

  /**
   * Whether NER can be left to candidate sentences: annotators after {@code ner} would read its
   * labels on sentences it skipped.
   */
  public static boolean nerIsLastOrAbsent(String annotators) {
    List<String> names = names(annotators);
    return !names.contains(NER) || names.indexOf(NER) == names.size() - 1;
  }

  private static List<String> names(String annotators) {
    return Arrays.stream(annotators.split(","))
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .toList();
  }

  /** The pipeline, and NER apart when it reads candidate sentences only (else null). */
  private record Pipelines(StanfordCoreNLP pipeline, StanfordCoreNLP candidateNer) {}

  // Built on first use: commands that never annotate (serve, history) don't pay the load.
  private Pipelines pipelines() {
    Pipelines built = pipelines;
    if (built == null) {
      synchronized (this) {
        built = pipelines;
        if (built == null) {
          built = build();
          pipelines = built;
        }
      }
    }
    return built;
  }

  private Pipelines build() {
    List<String> names = names(annotators);
    if (nerSentences == NerSentences.ALL || !names.contains(NER)) {
      return new Pipelines(new StanfordCoreNLP(properties(annotators, language)), null);
    }
    String beforeNer = String.join(",", names.subList(0, names.size() - 1));
    // The tokens reaching NER already carry what it requires; enforcing it would mean running the
    // annotators before it again.
    return new Pipelines(
        new StanfordCoreNLP(properties(beforeNer, language)),
        new StanfordCoreNLP(properties(NER, language), false));
  }

  /** The settings of {@code language}'s pipeline (ISO 639-1 code) for {@code annotators}. */
  public static Properties properties(String annotators, String language) {
    return CoreNlpLanguage.of(language).properties(annotators, properties(annotators));
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

  /** The language (ISO 639-1) whose models this pipeline runs. */
  public String language() {
    return language;
  }

  /** Sentences of {@code text} with offsets relative to it. */
  public List<AnnotatedSentence> annotate(String text) {
    Annotation document = new Annotation(text);
    Pipelines built = pipelines();
    built.pipeline().annotate(document);
    if (built.candidateNer() != null) {
      labelCandidateSentences(built.candidateNer(), document);
    }
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

  // NER labels each sentence on its own (the 3-class model adds no words to those it knows while
  // labelling: maxAdditionalKnownLCWords is 0), so the candidate sentences alone get the labels
  // they get in the whole document.
  private static void labelCandidateSentences(StanfordCoreNLP ner, Annotation document) {
    List<CoreMap> candidates = new ArrayList<>();
    List<CoreLabel> candidateTokens = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (NerCandidateSentences.isCandidate(tokens)) {
        candidates.add(sentence);
        candidateTokens.addAll(tokens);
      } else {
        tokens.forEach(token -> token.setNER(SeqClassifierFlags.DEFAULT_BACKGROUND_SYMBOL));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Annotation candidateDocument =
        new Annotation(document.get(CoreAnnotations.TextAnnotation.class));
    candidateDocument.set(CoreAnnotations.SentencesAnnotation.class, candidates);
    candidateDocument.set(CoreAnnotations.TokensAnnotation.class, candidateTokens);
    ner.annotate(candidateDocument);
  }
}
