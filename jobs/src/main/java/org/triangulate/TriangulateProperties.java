package org.triangulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.triangulate.ingest.InputLimits;
import org.triangulate.ingest.RemovalGuard;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.NerSentences;

/**
 * Everything under {@code triangulate.*} in {@code config/application.yml}. Paths are relative to
 * the repository's top level, where the launcher runs.
 */
@ConfigurationProperties("triangulate")
public record TriangulateProperties(
    @DefaultValue("demo") String study,
    @DefaultValue("config") Path configDir,
    @DefaultValue("data-in") Path dataIn,
    @DefaultValue("data-out") Path dataOut,
    @DefaultValue Elasticsearch elasticsearch,
    @DefaultValue Index index,
    @DefaultValue Nlp nlp,
    @DefaultValue Web web,
    @DefaultValue Run run,
    @DefaultValue InputLimits input,
    @DefaultValue RemovalGuard removal) {

  public Path studyInput(String studyName) {
    return dataIn.resolve(studyName);
  }

  public Path studyOutput(String studyName) {
    return dataOut.resolve(studyName);
  }

  /**
   * The embedded node the launcher starts when {@code embedded} is true; otherwise the cluster at
   * {@code spring.elasticsearch.uris} is used as it is.
   */
  public record Elasticsearch(
      @DefaultValue("true") boolean embedded,
      @DefaultValue("9200") int port,
      @DefaultValue("512m") String heap,
      @DefaultValue("triangulate-es") String systemUser,
      @DefaultValue("120s") Duration startTimeout,
      @DefaultValue("9.2.8") String version) {}

  /**
   * Index layout and writing: shards and replicas of each new index, how many old indices to keep,
   * whether a night updates the live index in place (falling back to a full rebuild when the
   * study's layout changed), documents per chunk, bulk request size and concurrency, and the
   * back-off after Elasticsearch refuses (429 / 503) or the connection drops.
   */
  public record Index(
      @DefaultValue("1") int shards,
      @DefaultValue("0") int replicas,
      @DefaultValue("2") int keep,
      @DefaultValue("true") boolean incremental,
      @DefaultValue("500") int bulkDocuments,
      @DefaultValue("5MB") org.springframework.util.unit.DataSize bulkSize,
      @DefaultValue("2") int bulkConcurrentRequests,
      @DefaultValue("200ms") Duration retryDelay,
      @DefaultValue("8") int retries) {}

  /**
   * CoreNLP annotators, which sentences NER reads, how long a segment of a long turn may be, and
   * which speaker labels are the interviewer's and which the participant's (other labels: the
   * speaker asking most questions is the interviewer). Validated when bound: a bad value stops the
   * start with the key's name.
   */
  public record Nlp(
      @DefaultValue("tokenize,ssplit,pos,lemma,ner") String annotators,
      @DefaultValue("candidates") NerSentences nerSentences,
      @DefaultValue("3") int maxSentencesPerSegment,
      @DefaultValue({"Interviewer", "Int", "I", "Q", "Facilitator", "Moderator"})
          java.util.List<String> interviewerLabels,
      @DefaultValue({"Interviewee", "Respondent", "R", "Participant", "P", "A"})
          java.util.List<String> participantLabels) {

    public Nlp {
      if (nerSentences == NerSentences.CANDIDATES
          && !CoreNlpAnnotator.nerIsLastOrAbsent(annotators)) {
        throw new IllegalArgumentException(
            "triangulate.nlp.ner-sentences: candidates needs ner last in triangulate.nlp.annotators"
                + " (was "
                + annotators
                + "); set all to run annotators after ner");
      }
    }
  }

  /**
   * The analyst search: binds to loopback unless accounts are configured. Accounts: the one of
   * {@code username} and {@code password} (or {@code password-file}; an analyst), any number under
   * {@code accounts} (bcrypt-hashed passwords, role {@code analyst} or {@code viewer}), and single
   * sign-on through {@code oidc}.
   */
  public record Web(
      @DefaultValue("127.0.0.1") String address,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("") String passwordFile,
      @DefaultValue List<Account> accounts,
      @DefaultValue Oidc oidc) {

    public Web {
      accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public boolean hasCredentials() {
      return (!username.isBlank() && (!password.isBlank() || !passwordFile.isBlank()))
          || !accounts.isEmpty()
          || oidc.enabled();
    }
  }

  /**
   * A person's account for the analyst UI: name, password as a bcrypt hash ({@code {bcrypt}$2a$…},
   * from {@code ./triangulate hash-password}) and role ({@code analyst}: search, extracts in
   * context and CSV export; {@code viewer}: search only).
   */
  public record Account(String name, String password, @DefaultValue("viewer") String role) {}

  /**
   * Single sign-on with OpenID Connect, off by default. The provider is Spring Security's {@code
   * spring.security.oauth2.client.registration.<registration>} and {@code provider.<registration>};
   * people whose {@code preferred_username} or e-mail is among {@code analysts} are analysts, every
   * other person the provider signs in is a viewer.
   */
  public record Oidc(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("") String registration,
      @DefaultValue List<String> analysts) {

    public Oidc {
      analysts = analysts == null ? List.of() : List.copyOf(analysts);
    }
  }

  /**
   * How runs are operated: the schedule's cron (Spring's six fields, local time), how long a run
   * lock may go without a heartbeat before another host may take it over, and how many threads
   * annotate transcripts in parallel (0: one per core), whether a night processes only the sources
   * that changed (true) or every source (false: a full night, to compare or to recover), and how
   * many partitions align sources at once (the embedding model already uses every core within a
   * call).
   */
  public record Run(
      @DefaultValue("0 0 2 * * *") String scheduleCron,
      @DefaultValue("2m") Duration lockStaleAfter,
      @DefaultValue("0") int annotateThreads,
      @DefaultValue("true") boolean incremental,
      @DefaultValue("1") int alignThreads) {

    public Run {
      if (alignThreads < 1) {
        throw new IllegalArgumentException(
            "triangulate.run.align-threads: must be at least 1, was " + alignThreads);
      }
    }

    public int effectiveAnnotateThreads() {
      return annotateThreads > 0 ? annotateThreads : Runtime.getRuntime().availableProcessors();
    }
  }
}
