package org.triangulate.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.triangulate.TriangulateProperties;
import org.triangulate.coding.AutoCodingTasklet;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkWriter;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractDocumentAssembler;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexPlan;
import org.triangulate.index.ExtractQuarantine;
import org.triangulate.index.IndexedFingerprints;
import org.triangulate.index.UnchangedExtractFilter;
import org.triangulate.ingest.CaseRowProcessor;
import org.triangulate.ingest.CsvRow;
import org.triangulate.ingest.CsvRowReader;
import org.triangulate.ingest.InvalidRecordException;
import org.triangulate.ingest.ParticipantRowProcessor;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.ingest.QuarantineSkipListener;
import org.triangulate.ingest.ResponseRowProcessor;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.ingest.StagedStudyStore;
import org.triangulate.ingest.TranscriptFileProcessor;
import org.triangulate.nlp.AnnotatedSource;
import org.triangulate.nlp.CoreNlpAnnotator;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SpeakerTurnSegmenter;
import org.triangulate.nlp.TranscriptSegmenter;
import org.triangulate.stats.ItemStatisticsTasklet;
import org.triangulate.stats.PatternDetectionTasklet;
import org.triangulate.study.Study;
import org.triangulate.synthesis.SynthesisPackTasklet;

/**
 * The nightly job, read top to bottom: ingest the study's inputs, annotate and code transcripts,
 * index the extracts, compute statistics and patterns, write synthesis packs. Each step is
 * restartable and counts what it read, wrote and quarantined.
 */
@Configuration
public class NightlyJobConfiguration {

  public static final String JOB_NAME = "nightly";
  static final String EXTRACT_INDEX_KEY = "extractIndex";
  static final String EXTRACT_INCREMENTAL_KEY = "extractIncremental";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NightlyJobConfiguration.class);
  private static final int CSV_CHUNK = 200;

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final Study study;
  private final TriangulateProperties properties;

  NightlyJobConfiguration(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      Study study,
      TriangulateProperties properties) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.study = study;
    this.properties = properties;
  }

  private Path input(String file) {
    return properties.studyInput(study.name()).resolve(file);
  }

  // ---- ingest: cases, participants, responses (CSV), transcripts --------------------------------

  @Bean
  @StepScope
  CsvRowReader casesReader() {
    return new CsvRowReader(input("cases.csv"));
  }

  /** Step-scoped like every row processor: each remembers the ids it has seen in this run only. */
  @Bean
  @StepScope
  CaseRowProcessor caseRowProcessor() {
    return new CaseRowProcessor(study);
  }

  @Bean
  Step ingestCasesStep(StagedStudyStore store, QuarantineLog quarantine) {
    return csvIngestStep(
        "ingestCasesStep",
        casesReader(),
        caseRowProcessor(),
        chunk -> store.insertCases(study.name(), chunk.getItems()),
        quarantine,
        "cases",
        () -> store.clearCases(study.name()));
  }

  @Bean
  @StepScope
  CsvRowReader participantsReader() {
    return new CsvRowReader(input("participants.csv"));
  }

  @Bean
  @StepScope
  ParticipantRowProcessor participantRowProcessor(StagedStudyStore store) {
    return new ParticipantRowProcessor(study, store.caseIds(study.name()));
  }

  @Bean
  Step ingestParticipantsStep(StagedStudyStore store, QuarantineLog quarantine) {
    return csvIngestStep(
        "ingestParticipantsStep",
        participantsReader(),
        participantRowProcessor(store),
        chunk -> store.insertParticipants(study.name(), chunk.getItems()),
        quarantine,
        "participants",
        () -> store.clearParticipants(study.name()));
  }

  @Bean
  @StepScope
  CsvRowReader responsesReader() {
    return new CsvRowReader(input("responses.csv"));
  }

  @Bean
  @StepScope
  ResponseRowProcessor responseRowProcessor(StagedStudyStore store) {
    return new ResponseRowProcessor(study, store.participantIds(study.name()));
  }

  @Bean
  Step ingestResponsesStep(StagedStudyStore store, QuarantineLog quarantine) {
    return csvIngestStep(
        "ingestResponsesStep",
        responsesReader(),
        responseRowProcessor(store),
        chunk -> store.insertResponses(study.name(), chunk.getItems()),
        quarantine,
        "responses",
        () -> store.clearResponses(study.name()));
  }

  /**
   * A CSV input replaces last night's rows: cleared on a fresh start (not on a restart), each row
   * validated, bad rows quarantined with file, line and reason while the step goes on.
   */
  private <T> Step csvIngestStep(
      String name,
      CsvRowReader reader,
      ItemProcessor<CsvRow, T> processor,
      ItemWriter<T> writer,
      QuarantineLog quarantine,
      String input,
      Runnable clear) {
    return new StepBuilder(name, jobRepository)
        .<CsvRow, T>chunk(CSV_CHUNK)
        .transactionManager(transactionManager)
        .reader(reader)
        .processor(processor)
        .writer(writer)
        .faultTolerant()
        .skip(InvalidRecordException.class)
        .skipLimit(Long.MAX_VALUE)
        .skipListener(quarantineListener(quarantine, input, input + ".csv"))
        .listener(clearOnFreshStart(clear))
        .build();
  }

  @Bean
  @StepScope
  ListItemReader<Path> transcriptFilesReader() {
    return new ListItemReader<>(TranscriptFiles.list(input("transcripts")));
  }

  @Bean
  @StepScope
  TranscriptFileProcessor transcriptFileProcessor(StagedStudyStore store) {
    return new TranscriptFileProcessor(store.participantIds(study.name()));
  }

  @Bean
  Step ingestTranscriptsStep(StagedStudyStore store, QuarantineLog quarantine) {
    Set<String> present = new HashSet<>();
    return new StepBuilder("ingestTranscriptsStep", jobRepository)
        .<Path, SourceDocument>chunk(10)
        .transactionManager(transactionManager)
        .reader(transcriptFilesReader())
        .processor(transcriptFileProcessor(store))
        .writer(chunk ->
            chunk.forEach(source -> {
              store.upsertSource(study.name(), source);
              present.add(source.sourceId());
            }))
        .faultTolerant()
        .skip(InvalidRecordException.class)
        .skipLimit(Long.MAX_VALUE)
        .skipListener(quarantineListener(quarantine, "transcripts", "transcripts/"))
        .listener(
            new StepExecutionListener() {
              @Override
              public void beforeStep(StepExecution stepExecution) {
                present.clear();
              }

              @Override
              public org.springframework.batch.core.ExitStatus afterStep(
                  StepExecution stepExecution) {
                if (stepExecution.getFailureExceptions().isEmpty()) {
                  // Transcripts whose file is gone are removed with what was derived from them.
                  present.addAll(TranscriptFiles.names(input("transcripts")));
                  store.removeSourcesOtherThan(study.name(), present);
                }
                return stepExecution.getExitStatus();
              }
            })
        .build();
  }

  // ---- annotate: speaker turns, sentences and lemmas (CoreNLP)
  // -----------------------------------

  @Bean
  CoreNlpAnnotator coreNlpAnnotator() {
    return new CoreNlpAnnotator(properties.nlp().annotators());
  }

  @Bean
  TranscriptSegmenter transcriptSegmenter(CoreNlpAnnotator annotator) {
    return new TranscriptSegmenter(
        new SpeakerTurnSegmenter(properties.nlp().interviewerLabels()),
        annotator,
        properties.nlp().maxSentencesPerSegment());
  }

  @Bean
  @StepScope
  ListItemReader<String> changedSourcesReader(SegmentStore segments) {
    return new ListItemReader<>(segments.sourcesToAnnotate(study.name()));
  }

  @Bean
  Step annotateTranscriptsStep(SegmentStore segments, TranscriptSegmenter segmenter) {
    return new StepBuilder("annotateTranscriptsStep", jobRepository)
        .<String, AnnotatedSource>chunk(1)
        .transactionManager(transactionManager)
        .reader(changedSourcesReader(segments))
        .processor(sourceId -> {
          SourceDocument source = segments.source(study.name(), sourceId);
          return new AnnotatedSource(
              sourceId, source.sha256(), segmenter.segment(study.name(), source));
        })
        .writer(
            chunk -> chunk.forEach(annotated -> segments.replaceSegments(study.name(), annotated)))
        .build();
  }

  // ---- code: the codebook's rules over participant segments
  // --------------------------------------

  @Bean
  Step autoCodeSegmentsStep(JdbcTemplate jdbc) {
    return new StepBuilder("autoCodeSegmentsStep", jobRepository)
        .tasklet(new AutoCodingTasklet(jdbc, study), transactionManager)
        .build();
  }

  // ---- index: plan (new index or live one), bulk the extracts, verify, publish
  // -------------------

  @Bean
  ExtractIndexAdmin extractIndexAdmin(ElasticsearchClient client) {
    return new ExtractIndexAdmin(client, properties.index());
  }

  /** A full rebuild creates a new index; an incremental night targets the live one. */
  @Bean
  Step createExtractIndexStep(ExtractIndexAdmin admin) {
    return new StepBuilder("createExtractIndexStep", jobRepository)
        .tasklet(
            (contribution, context) -> {
              ExecutionContext job =
                  context
                      .getStepContext()
                      .getStepExecution()
                      .getJobExecution()
                      .getExecutionContext();
              long runId = context.getStepContext().getStepExecution().getJobExecutionId();
              ExtractIndexPlan plan = admin.plan(study, runId);
              LOG.info("Extracts go to {}: {}", plan.index(), plan.reason());
              job.putString(EXTRACT_INDEX_KEY, plan.index());
              job.putString(EXTRACT_INCREMENTAL_KEY, Boolean.toString(plan.incremental()));
              return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<Segment> storedSegmentsReader(javax.sql.DataSource dataSource) {
    return new JdbcCursorItemReaderBuilder<Segment>()
        .name("storedSegments")
        .dataSource(dataSource)
        .sql(SegmentStore.SEGMENTS_OF_STUDY)
        .queryArguments(study.name())
        .rowMapper(SegmentStore::mapSegment)
        .build();
  }

  @Bean
  @StepScope
  ExtractDocumentAssembler extractDocumentAssembler(
      JdbcTemplate jdbc, @Value("#{stepExecution.jobExecutionId}") long runId) {
    return new ExtractDocumentAssembler(jdbc, study, runId);
  }

  /** Incremental nights skip documents the live index holds unchanged. */
  @Bean
  @StepScope
  UnchangedExtractFilter unchangedExtractFilter(
      ElasticsearchClient client,
      @Value("#{jobExecutionContext['extractIndex']}") String index,
      @Value("#{jobExecutionContext['extractIncremental']}") String incremental) {
    return new UnchangedExtractFilter(
        Boolean.parseBoolean(incremental) ? IndexedFingerprints.of(client, index) : Map.of());
  }

  @Bean
  @StepScope
  ExtractBulkWriter extractBulkWriter(
      ElasticsearchClient client,
      QuarantineLog quarantine,
      @Value("#{jobExecutionContext['extractIndex']}") String index,
      @Value("#{jobExecutionContext['extractIncremental']}") String incremental,
      @Value("#{stepExecution.jobExecutionId}") long runId) {
    return new ExtractBulkWriter(
        client,
        index,
        BulkSettings.of(properties.index()),
        rejected -> quarantine.record(study.name(), runId, ExtractQuarantine.of(rejected)),
        Boolean.parseBoolean(incremental));
  }

  @Bean
  Step indexExtractsStep(
      javax.sql.DataSource dataSource,
      JdbcTemplate jdbc,
      ElasticsearchClient client,
      QuarantineLog quarantine) {
    ExtractBulkWriter writer = extractBulkWriter(client, quarantine, null, null, 0L);
    ExecutionContextPromotionListener promoteQuarantined = new ExecutionContextPromotionListener();
    promoteQuarantined.setKeys(new String[] {ExtractBulkWriter.QUARANTINED});
    return new StepBuilder("indexExtractsStep", jobRepository)
            .<Segment, ExtractDocument>chunk(properties.index().bulkDocuments())
            .transactionManager(transactionManager)
            .reader(storedSegmentsReader(dataSource))
            .processor(
                new CompositeItemProcessor<>(
                    extractDocumentAssembler(jdbc, 0L), unchangedExtractFilter(client, null, null)))
            .writer(writer)
            .stream(writer)
            .listener((StepExecutionListener) writer)
            .listener(promoteQuarantined)
            .build();
  }

  @Bean
  Step swapExtractAliasStep(
      ExtractIndexAdmin admin, ElasticsearchClient client, JdbcTemplate jdbc) {
    return new StepBuilder("swapExtractAliasStep", jobRepository)
        .tasklet(
            new ExtractAliasSwapTasklet(
                admin, client, jdbc, BulkSettings.of(properties.index()), study),
            transactionManager)
        .build();
  }

  // ---- stats, patterns, synthesis
  // ----------------------------------------------------------------

  @Bean
  Step itemStatisticsStep(ItemStatisticsTasklet tasklet) {
    return new StepBuilder("itemStatisticsStep", jobRepository)
        .tasklet(tasklet, transactionManager)
        .build();
  }

  @Bean
  Step detectPatternsStep(PatternDetectionTasklet tasklet) {
    return new StepBuilder("detectPatternsStep", jobRepository)
        .tasklet(tasklet, transactionManager)
        .build();
  }

  @Bean
  Step writeSynthesisPacksStep(SynthesisPackTasklet tasklet) {
    return new StepBuilder("writeSynthesisPacksStep", jobRepository)
        .tasklet(tasklet, transactionManager)
        .build();
  }

  // ---- the night
  // ---------------------------------------------------------------------------------

  @Bean
  Job nightlyJob(
      Step ingestCasesStep,
      Step ingestParticipantsStep,
      Step ingestResponsesStep,
      Step ingestTranscriptsStep,
      Step annotateTranscriptsStep,
      Step autoCodeSegmentsStep,
      Step createExtractIndexStep,
      Step indexExtractsStep,
      Step swapExtractAliasStep,
      Step itemStatisticsStep,
      Step detectPatternsStep,
      Step writeSynthesisPacksStep,
      RunReportListener runReportListener) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(new NightlyJobParameters.Validator(study))
        .listener(runReportListener)
        .start(ingestCasesStep)
        .next(ingestParticipantsStep)
        .next(ingestResponsesStep)
        .next(ingestTranscriptsStep)
        .next(annotateTranscriptsStep)
        .next(autoCodeSegmentsStep)
        .next(createExtractIndexStep)
        .next(indexExtractsStep)
        .next(swapExtractAliasStep)
        .next(itemStatisticsStep)
        .next(detectPatternsStep)
        .next(writeSynthesisPacksStep)
        .build();
  }

  private <T> QuarantineSkipListener<T> quarantineListener(
      QuarantineLog log, String input, String fileName) {
    return new QuarantineSkipListener<>(log, study.name(), input, fileName);
  }

  /** Clears the staged rows a step replaces, unless the step is resuming after a failure. */
  private static StepExecutionListener clearOnFreshStart(Runnable clear) {
    return new StepExecutionListener() {
      @Override
      public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        if (!context.containsKey("staged.cleared")) {
          clear.run();
          context.putString("staged.cleared", "true");
        }
      }
    };
  }
}
