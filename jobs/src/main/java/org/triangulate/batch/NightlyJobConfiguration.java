package org.triangulate.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.triangulate.TriangulateProperties;
import org.triangulate.agreement.AgreementTasklet;
import org.triangulate.align.Embedders;
import org.triangulate.align.ItemAlignmentStepListener;
import org.triangulate.align.ItemAlignmentTasklet;
import org.triangulate.changes.ChangesProperties;
import org.triangulate.changes.ChangesTasklet;
import org.triangulate.coding.AutoCodingTasklet;
import org.triangulate.coding.CodingCoverageTasklet;
import org.triangulate.coding.DeidentifiedSourceText;
import org.triangulate.coding.ExportedSourceText;
import org.triangulate.coding.ImportedCodingAttacher;
import org.triangulate.coding.RefiQdaExportTasklet;
import org.triangulate.fingerprint.BuiltOutputs;
import org.triangulate.fingerprint.ConfigFingerprint;
import org.triangulate.fingerprint.InputsFingerprint;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.index.BulkSettings;
import org.triangulate.index.ExtractBulkWriter;
import org.triangulate.index.ExtractDocument;
import org.triangulate.index.ExtractDocumentAssembler;
import org.triangulate.index.ExtractIndexAdmin;
import org.triangulate.index.ExtractIndexMapping;
import org.triangulate.index.ExtractIndexPlan;
import org.triangulate.index.ExtractQuarantine;
import org.triangulate.index.IndexedFingerprints;
import org.triangulate.index.UnchangedExtractFilter;
import org.triangulate.ingest.ImportedCodingStore;
import org.triangulate.ingest.InputLedger;
import org.triangulate.ingest.OpaqueSourceIds;
import org.triangulate.ingest.QuarantineLog;
import org.triangulate.ingest.RefiQdaImportTasklet;
import org.triangulate.ingest.StagedStudyStore;
import org.triangulate.ingest.StructuredInput;
import org.triangulate.ingest.StructuredInputTasklet;
import org.triangulate.ingest.TranscriptIngestTasklet;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.matrices.MatricesTasklet;
import org.triangulate.nlp.AnnotatedSource;
import org.triangulate.nlp.DeidentifyTasklet;
import org.triangulate.nlp.LanguagePipelines;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.nlp.SourceRedaction;
import org.triangulate.nlp.SpeakerTurnSegmenter;
import org.triangulate.nlp.TranscriptSegmenter;
import org.triangulate.scale.RemoteAlignmentPartitions;
import org.triangulate.scale.RemotePartitionHandler;
import org.triangulate.stats.ItemStatisticsTasklet;
import org.triangulate.stats.PatternDetectionTasklet;
import org.triangulate.study.Study;
import org.triangulate.synthesis.SynthesisPackTasklet;
import org.triangulate.workshop.WorkshopNotesTasklet;
import org.triangulate.workshop.WorkshopSaidTasklet;

/**
 * The nightly job, read top to bottom: ingest the study's inputs, annotate and code transcripts,
 * index the extracts, compute statistics and patterns, write synthesis packs. Each step is
 * restartable and counts what it read, wrote and quarantined.
 */
@Configuration
public class NightlyJobConfiguration {

  public static final String JOB_NAME = "nightly";
  private static final java.time.Duration PROGRESS_LOG_EVERY = java.time.Duration.ofSeconds(10);
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NightlyJobConfiguration.class);

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

  // ---- ingest: cases, participants, responses (CSV), transcripts, REFI-QDA projects -----------
  // Each input loads in one transaction: a changed file replaces its records, an unchanged one is
  // skipped (SHA-256 and what it was validated against), bad records are quarantined, never lost.

  @Bean
  Step ingestCasesStep(StagedStudyStore store, InputLedger ledger) {
    return structuredInputStep("ingestCasesStep", StructuredInput.CASES, store, ledger);
  }

  @Bean
  Step ingestParticipantsStep(StagedStudyStore store, InputLedger ledger) {
    return structuredInputStep(
        "ingestParticipantsStep", StructuredInput.PARTICIPANTS, store, ledger);
  }

  @Bean
  Step ingestResponsesStep(StagedStudyStore store, InputLedger ledger) {
    return structuredInputStep("ingestResponsesStep", StructuredInput.RESPONSES, store, ledger);
  }

  private Step structuredInputStep(
      String name, StructuredInput input, StagedStudyStore store, InputLedger ledger) {
    return new StepBuilder(name, jobRepository)
        .tasklet(
            new StructuredInputTasklet(
                input,
                properties.studyInput(study.name()),
                study,
                store,
                ledger,
                configFingerprint(),
                properties.input(),
                properties.removal()),
            transactionManager)
        .build();
  }

  @Bean
  Step ingestTranscriptsStep(
      StagedStudyStore store, InputLedger ledger, SpeakerTurnSegmenter speakerTurnSegmenter) {
    return new StepBuilder("ingestTranscriptsStep", jobRepository)
        .tasklet(
            new TranscriptIngestTasklet(
                input("transcripts"),
                study,
                store,
                ledger,
                properties.input(),
                properties.removal(),
                speakerTurnSegmenter::interviewerProblem),
            transactionManager)
        .build();
  }

  @Bean
  Step importRefiQdaStep(
      StagedStudyStore store, ImportedCodingStore imported, InputLedger ledger, JdbcTemplate jdbc) {
    return new StepBuilder("importRefiQdaStep", jobRepository)
        .tasklet(
            new RefiQdaImportTasklet(
                input("coding"),
                study,
                store,
                imported,
                ledger,
                jdbc,
                configFingerprint(),
                properties.input(),
                properties.removal()),
            transactionManager)
        .build();
  }

  /** The study's configuration files: a change re-validates every input against it. */
  private String configFingerprint() {
    return ConfigFingerprint.of(properties.configDir().resolve(study.name()));
  }

  // ---- annotate: speaker turns, sentences and lemmas (CoreNLP)
  // -----------------------------------

  /** One pipeline per declared language, each loaded when first used. */
  @Bean
  LanguagePipelines languagePipelines() {
    return new LanguagePipelines(
        properties.nlp().annotators(),
        properties.nlp().nerSentences(),
        study.languages().declared());
  }

  @Bean
  SpeakerTurnSegmenter speakerTurnSegmenter() {
    return new SpeakerTurnSegmenter(
        properties.nlp().interviewerLabels(), properties.nlp().participantLabels());
  }

  @Bean
  TranscriptSegmenter transcriptSegmenter(
      SpeakerTurnSegmenter speakerTurnSegmenter, LanguagePipelines pipelines) {
    return new TranscriptSegmenter(
        speakerTurnSegmenter,
        pipelines,
        new TranscriptLanguages(study.languages()),
        properties.nlp().maxSentencesPerSegment());
  }

  /**
   * The transcripts of one partition that still need annotating: on a restart, those a killed or
   * failed attempt already finished are not done again.
   */
  @Bean
  @StepScope
  ListItemReader<String> changedSourcesReader(
      SegmentStore segments,
      TranscriptSegmenter segmenter,
      @Value("#{stepExecutionContext['" + SourcePartitioner.SOURCES_KEY + "']}") String sourceIds) {
    Set<String> pending =
        new HashSet<>(segments.sourcesToAnnotate(study.name(), segmenter.settingsFingerprint()));
    return new ListItemReader<>(
        SourcePartitioner.sources(sourceIds).stream().filter(pending::contains).toList());
  }

  @Bean
  StepProgress annotateProgress(SegmentStore segments, TranscriptSegmenter segmenter) {
    return new StepProgress(
        "annotate",
        "transcripts",
        step -> segments.sourcesToAnnotate(study.name(), segmenter.settingsFingerprint()).size(),
        PROGRESS_LOG_EVERY);
  }

  @Bean
  Step annotateTranscriptsWorkerStep(
      SegmentStore segments, TranscriptSegmenter segmenter, StepProgress annotateProgress) {
    return new StepBuilder("annotateTranscriptsWorkerStep", jobRepository)
        .<String, AnnotatedSource>chunk(1)
        .transactionManager(transactionManager)
        .reader(changedSourcesReader(segments, segmenter, null))
        .processor(sourceId ->
            segmenter.annotate(
                study.name(),
                segments.source(study.name(), sourceId),
                segments.language(study.name(), sourceId)))
        .writer(chunk ->
            chunk.forEach(annotated ->
                segments.replaceSegments(study.name(), annotated, segmenter.settingsFingerprint())))
        .listener(annotateProgress.counter())
        .build();
  }

  /**
   * Transcripts split across local threads sharing one CoreNLP pipeline, one partition per thread;
   * with {@code triangulate.scale.mode: remote}, sent to worker processes instead (see {@link
   * org.triangulate.scale}).
   */
  @Bean
  Step annotateTranscriptsStep(
      SegmentStore segments,
      TranscriptSegmenter segmenter,
      Step annotateTranscriptsWorkerStep,
      StepProgress annotateProgress,
      Optional<RemotePartitionHandler> remote) {
    int threads = properties.run().effectiveAnnotateThreads();
    PartitionStepBuilder partitioned =
        new StepBuilder("annotateTranscriptsStep", jobRepository)
            .partitioner(
                "annotateTranscriptsWorkerStep",
                new SourcePartitioner(() ->
                    segments.sourcesToAnnotate(study.name(), segmenter.settingsFingerprint())));
    remote.ifPresentOrElse(
        partitioned::partitionHandler,
        () ->
            partitioned
                .step(annotateTranscriptsWorkerStep)
                .gridSize(threads)
                .taskExecutor(new SimpleAsyncTaskExecutor("annotate-"))
                // Remote workers log each partition they finish instead.
                .listener(annotateProgress));
    return partitioned.build();
  }

  // ---- de-identify: study-wide pseudonyms, one thread, source order
  // ---------------------------------

  @Bean
  Step deidentifySegmentsStep(
      SegmentStore segments,
      JdbcTemplate jdbc,
      SpeakerTurnSegmenter speakerTurnSegmenter,
      SourceSteps steps,
      InputsFingerprint inputs) {
    return new StepBuilder("deidentifySegmentsStep", jobRepository)
        .tasklet(
            new DeidentifyTasklet(
                segments,
                jdbc,
                study,
                speakerTurnSegmenter,
                steps,
                perSourceSettings(inputs),
                properties.run().incremental()),
            transactionManager)
        .build();
  }

  /**
   * What shapes each source's de-identified text, codings and documents besides the source itself:
   * the other inputs (cases, participants, REFI-QDA projects), the study's configuration, the
   * annotation settings and the build. A change redoes every source.
   */
  private Supplier<String> perSourceSettings(InputsFingerprint inputs) {
    return () ->
        inputs.excluding(Set.of(TranscriptIngestTasklet.INPUT, StructuredInput.RESPONSES.input()));
  }

  @Bean
  ExtractScope extractScope(SourceSteps steps, InputsFingerprint inputs) {
    return new ExtractScope(steps, study, perSourceSettings(inputs));
  }

  // ---- code: the codebook's rules over participant segments
  // --------------------------------------

  @Bean
  Step attachImportedCodingsStep(JdbcTemplate jdbc) {
    return new StepBuilder("attachImportedCodingsStep", jobRepository)
        .tasklet(new ImportedCodingAttacher(jdbc, study), transactionManager)
        .build();
  }

  @Bean
  Step autoCodeSegmentsStep(JdbcTemplate jdbc, SourceSteps steps, InputsFingerprint inputs) {
    return new StepBuilder("autoCodeSegmentsStep", jobRepository)
        .tasklet(
            new AutoCodingTasklet(
                jdbc, study, steps, perSourceSettings(inputs), properties.run().incremental()),
            transactionManager)
        .build();
  }

  /** One partition's sources aligned to items (its sources in its step context). */
  @Bean
  @StepScope
  ItemAlignmentTasklet alignPartitionTasklet(
      JdbcTemplate jdbc,
      Embedders embedders,
      SourceSteps steps,
      InputsFingerprint inputs,
      @Value("#{stepExecutionContext['" + SourcePartitioner.SOURCES_KEY + "']}") String sourceIds) {
    return new ItemAlignmentTasklet(
        jdbc,
        study,
        embedders,
        steps,
        perSourceSettings(inputs),
        properties.run().incremental(),
        SourcePartitioner.sources(sourceIds));
  }

  @Bean
  Step alignItemsWorkerStep(
      JdbcTemplate jdbc, Embedders embedders, SourceSteps steps, InputsFingerprint inputs) {
    return new StepBuilder("alignItemsWorkerStep", jobRepository)
        .tasklet(alignPartitionTasklet(jdbc, embedders, steps, inputs, null), transactionManager)
        .build();
  }

  /**
   * Participant segments aligned to items, after the codings they take as evidence: the sources to
   * align tonight split across {@code triangulate.run.align-threads} local threads or, with {@code
   * triangulate.scale.mode: remote}, sent to worker processes like annotation's.
   */
  @Bean
  Step alignItemsStep(
      JdbcTemplate jdbc,
      SourceSteps steps,
      InputsFingerprint inputs,
      Step alignItemsWorkerStep,
      Optional<RemoteAlignmentPartitions> remote) {
    Supplier<List<String>> pending =
        () ->
            List.copyOf(
                ItemAlignmentTasklet.plan(
                        steps,
                        study,
                        perSourceSettings(inputs).get(),
                        properties.run().incremental())
                    .pending());
    PartitionStepBuilder partitioned =
        new StepBuilder("alignItemsStep", jobRepository)
            .listener(new ItemAlignmentStepListener(jdbc, study, steps))
            .partitioner("alignItemsWorkerStep", new SourcePartitioner(pending));
    remote.ifPresentOrElse(
        r -> partitioned.partitionHandler(r.handler(() -> pending.get().size())),
        () ->
            partitioned
                .step(alignItemsWorkerStep)
                .gridSize(properties.run().alignThreads())
                .taskExecutor(new SimpleAsyncTaskExecutor("align-")));
    return partitioned.build();
  }

  /** Segments per category by case and group, written into the run's folder. */
  @Bean
  Step writeCodingCoverageStep(
      JdbcTemplate jdbc, SegmentStore segments, RunReportListener runReportListener) {
    return new StepBuilder("writeCodingCoverageStep", jobRepository)
        .tasklet(
            new CodingCoverageTasklet(jdbc, segments, study, runReportListener::runDirectory),
            transactionManager)
        .build();
  }

  /** Agreement between every two coders per category, into data-out/<study>/agreement/. */
  @Bean
  Step computeAgreementStep(JdbcTemplate jdbc) {
    return new StepBuilder("computeAgreementStep", jobRepository)
        .tasklet(
            new AgreementTasklet(
                jdbc, study, properties.studyOutput(study.name()).resolve("agreement")),
            transactionManager)
        .build();
  }

  /** Framework and presence matrices, into data-out/<study>/matrices/. */
  @Bean
  Step writeMatricesStep(
      JdbcTemplate jdbc,
      org.thymeleaf.ITemplateEngine templates,
      @Value("${server.port:8080}") int port) {
    return new StepBuilder("writeMatricesStep", jobRepository)
        .tasklet(
            new MatricesTasklet(
                jdbc,
                study,
                templates,
                properties.studyOutput(study.name()).resolve("matrices"),
                "http://" + properties.web().address() + ":" + port + "/"),
            transactionManager)
        .build();
  }

  /** Workshop notes (data-in/<study>/workshops/), de-identified and coded, kept apart. */
  @Bean
  Step ingestWorkshopNotesStep(JdbcTemplate jdbc, SegmentStore segments, QuarantineLog quarantine) {
    return new StepBuilder("ingestWorkshopNotesStep", jobRepository)
        .tasklet(
            new WorkshopNotesTasklet(jdbc, segments, quarantine, study, input("workshops")),
            transactionManager)
        .build();
  }

  /** What the workshops said under each pattern, into data-out/<study>/workshops/. */
  @Bean
  Step writeWorkshopSaidStep(
      JdbcTemplate jdbc,
      org.triangulate.stats.StudyStatistics statistics,
      org.thymeleaf.ITemplateEngine templates) {
    return new StepBuilder("writeWorkshopSaidStep", jobRepository)
        .tasklet(
            new WorkshopSaidTasklet(
                jdbc,
                statistics,
                study,
                templates,
                properties.studyOutput(study.name()).resolve("workshops")),
            transactionManager)
        .build();
  }

  /** The text sources leave the store with in the export: the one place to change it. */
  @Bean
  ExportedSourceText exportedSourceText(
      SegmentStore segments, JdbcTemplate jdbc, SpeakerTurnSegmenter speakerTurnSegmenter) {
    return new DeidentifiedSourceText(
        SourceRedaction.stored(segments, jdbc, study, speakerTurnSegmenter));
  }

  /** Written from the same content as the extracts, so it is kept when they are. */
  @Bean
  Step exportRefiQdaStep(
      JdbcTemplate jdbc,
      SegmentStore segments,
      ExportedSourceText exportedSourceText,
      BuiltOutputs built,
      ExtractsUpToDateDecider extractsUpToDate,
      SourceSteps steps,
      InputsFingerprint inputs) {
    return new StepBuilder("exportRefiQdaStep", jobRepository)
        .tasklet(
            new RefiQdaExportTasklet(
                jdbc,
                segments,
                study,
                exportedSourceText,
                properties.studyOutput(study.name()).resolve("export"),
                built,
                extractsUpToDate::contentFingerprint,
                steps,
                perSourceSettings(inputs)),
            transactionManager)
        .build();
  }

  // ---- index: plan (new index or live one), bulk the extracts, verify, publish
  // -------------------

  @Bean
  ExtractIndexAdmin extractIndexAdmin(ElasticsearchClient client) {
    return new ExtractIndexAdmin(client, properties.index());
  }

  /**
   * A full rebuild creates a new index; an incremental night targets the live one, unless this
   * store has no record of building it (then its documents are not taken for the store's own).
   */
  @Bean
  Step createExtractIndexStep(
      ExtractIndexAdmin admin, BuiltOutputs built, ExtractScope scope, JdbcTemplate jdbc) {
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
              if (plan.incremental() && !built.has(study.name(), ExtractsUpToDateDecider.OUTPUT)) {
                plan =
                    new ExtractIndexPlan(
                        admin.createIndex(study, runId),
                        false,
                        built.incremental()
                            ? "this store has no record of building the live index"
                            : BuiltOutputs.FULL_NIGHT);
              }
              LOG.info("Extracts go to {}: {}", plan.index(), plan.reason());
              new ExtractTarget(
                      plan.index(),
                      plan.incremental(),
                      plan.incremental()
                          ? changedSources(admin, scope, plan.index(), jdbc)
                          : Optional.empty())
                  .putInto(job);
              if (plan.incremental()) {
                // Changed in place from here on: until verified, it no longer holds a known night.
                admin.recordContent(plan.index(), "");
              }
              return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  /**
   * In a live index, only the sources whose documents changed are written, when the index holds
   * exactly the store's documents of every other source; otherwise every source is read (and the
   * unchanged documents filtered out). Documents name their source by its opaque id, which a
   * removed source no longer has in the store: a night that removes one reads every source.
   */
  private Optional<List<String>> changedSources(
      ExtractIndexAdmin admin, ExtractScope scope, String index, JdbcTemplate jdbc) {
    SourceSteps.Plan plan = scope.plan();
    if (!properties.run().incremental()
        || plan.everything()
        || plan.pending().size() > 5_000
        || !scope.removed().isEmpty()) {
      return Optional.empty();
    }
    Set<String> touched = opaqueIds(jdbc, plan.pending());
    long unchangedSegments =
        jdbc.queryForObject(
                "select count(*) from segment where study = ?", Long.class, study.name())
            - countSegments(jdbc, plan.pending());
    if (admin.countOutside(index, touched) != unchangedSegments) {
      LOG.info(
          "The live index does not hold the store's unchanged documents: reading every source");
      return Optional.empty();
    }
    LOG.info("Writing the documents of {} changed sources", plan.pending().size());
    return Optional.of(List.copyOf(plan.pending()));
  }

  /** The opaque ids the index knows these sources by (see {@link OpaqueSourceIds}). */
  static Set<String> opaqueIds(
      JdbcTemplate jdbc, String study, java.util.Collection<String> sources) {
    Map<String, String> opaque = OpaqueSourceIds.ofStudy(jdbc, study);
    Set<String> ids = new java.util.TreeSet<>();
    sources.forEach(s -> ids.add(opaque.getOrDefault(s, s)));
    return ids;
  }

  private Set<String> opaqueIds(JdbcTemplate jdbc, java.util.Collection<String> sources) {
    return opaqueIds(jdbc, study.name(), sources);
  }

  private long countSegments(JdbcTemplate jdbc, java.util.Collection<String> sources) {
    long n = 0;
    for (String source : sources) {
      n +=
          jdbc.queryForObject(
              "select count(*) from segment where study = ? and source_id = ?",
              Long.class,
              study.name(),
              source);
    }
    return n;
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<Segment> storedSegmentsReader(
      javax.sql.DataSource dataSource,
      @Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext job) {
    Optional<List<String>> sources = ExtractTarget.of(job).sources();
    List<Object> arguments = new java.util.ArrayList<>(List.of(study.name()));
    sources.ifPresent(arguments::addAll);
    return new JdbcCursorItemReaderBuilder<Segment>()
        .name("storedSegments")
        .dataSource(dataSource)
        .sql(
            sources
                .map(s -> SegmentStore.deidentifiedSegmentsOfSources(s.size()))
                .orElse(SegmentStore.DEIDENTIFIED_SEGMENTS_OF_STUDY))
        .queryArguments(arguments.toArray())
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
      @Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext job) {
    ExtractTarget target = ExtractTarget.of(job);
    // Only changed sources are read when the scope names them: no document of theirs is unchanged.
    return new UnchangedExtractFilter(
        target.incremental() && target.sources().isEmpty()
            ? IndexedFingerprints.of(client, target.index())
            : Map.of());
  }

  @Bean
  @StepScope
  ExtractBulkWriter extractBulkWriter(
      ElasticsearchClient client,
      QuarantineLog quarantine,
      @Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext job,
      @Value("#{stepExecution.jobExecutionId}") long runId) {
    ExtractTarget target = ExtractTarget.of(job);
    return new ExtractBulkWriter(
        client,
        target.index(),
        BulkSettings.of(properties.index()),
        rejected -> quarantine.record(study.name(), runId, ExtractQuarantine.of(rejected)),
        target.incremental());
  }

  @Bean
  Step indexExtractsStep(
      javax.sql.DataSource dataSource,
      JdbcTemplate jdbc,
      ElasticsearchClient client,
      QuarantineLog quarantine) {
    ExtractBulkWriter writer = extractBulkWriter(client, quarantine, null, 0L);
    ExecutionContextPromotionListener promoteQuarantined = new ExecutionContextPromotionListener();
    promoteQuarantined.setKeys(new String[] {ExtractBulkWriter.QUARANTINED});
    return new StepBuilder("indexExtractsStep", jobRepository)
            .<Segment, ExtractDocument>chunk(properties.index().bulkDocuments())
            .transactionManager(transactionManager)
            .reader(storedSegmentsReader(dataSource, null))
            .processor(
                new CompositeItemProcessor<>(
                    extractDocumentAssembler(jdbc, 0L), unchangedExtractFilter(client, null)))
            .writer(writer)
            .stream(writer)
            .listener((StepExecutionListener) writer)
            .listener(promoteQuarantined)
            .build();
  }

  @Bean
  Step swapExtractAliasStep(
      ExtractIndexAdmin admin,
      ElasticsearchClient client,
      JdbcTemplate jdbc,
      BuiltOutputs built,
      ExtractScope scope) {
    return new StepBuilder("swapExtractAliasStep", jobRepository)
        .tasklet(
            new ExtractAliasSwapTasklet(
                admin, client, jdbc, BulkSettings.of(properties.index()), study, built, scope),
            transactionManager)
        .build();
  }

  /** The store's workshop notes into the night's index, before the alias moves. */
  @Bean
  Step indexWorkshopNotesStep(
      ExtractIndexAdmin admin, ElasticsearchClient client, JdbcTemplate jdbc) {
    return workshopNotesIndexStep(
        "indexWorkshopNotesStep", admin, client, jdbc, job -> ExtractTarget.of(job).index());
  }

  /** Tonight's workshop notes into the live index, whether or not the extracts were rebuilt. */
  @Bean
  Step reindexWorkshopNotesStep(
      ExtractIndexAdmin admin, ElasticsearchClient client, JdbcTemplate jdbc) {
    return workshopNotesIndexStep(
        "reindexWorkshopNotesStep",
        admin,
        client,
        jdbc,
        job -> ExtractIndexMapping.alias(study.name()));
  }

  private Step workshopNotesIndexStep(
      String name,
      ExtractIndexAdmin admin,
      ElasticsearchClient client,
      JdbcTemplate jdbc,
      java.util.function.Function<ExecutionContext, String> target) {
    return new StepBuilder(name, jobRepository)
        .tasklet(
            new WorkshopNotesIndexTasklet(
                admin, client, jdbc, BulkSettings.of(properties.index()), study, target),
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
  Step writeSynthesisPacksStep(
      org.triangulate.synthesis.SynthesisPacks packs,
      InputsFingerprint inputs,
      BuiltOutputs built) {
    return new StepBuilder("writeSynthesisPacksStep", jobRepository)
        .tasklet(
            new SynthesisPackTasklet(packs, inputs, built, NightlyJobParameters::runDate),
            transactionManager)
        .build();
  }

  /** Tonight's patterns, items and transcripts kept, and what changed since the last night. */
  @Bean
  Step recordChangesStep(
      JdbcTemplate jdbc,
      org.triangulate.stats.StudyStatistics statistics,
      ChangesProperties changes,
      org.thymeleaf.ITemplateEngine templates,
      RunReportListener runReportListener) {
    return new StepBuilder("recordChangesStep", jobRepository)
        .tasklet(
            new ChangesTasklet(
                jdbc,
                statistics,
                study,
                changes,
                templates,
                properties.studyOutput(study.name()),
                runReportListener::runDirectory),
            transactionManager)
        .build();
  }

  // ---- the night
  // ---------------------------------------------------------------------------------

  /**
   * What the night's outputs are made of (see {@link InputsFingerprint}): the inputs as loaded, the
   * study's configuration, the annotation settings and the build.
   */
  @Bean
  InputsFingerprint inputsFingerprint(InputLedger ledger) {
    return new InputsFingerprint(
        () -> ledger.checksums(study.name()),
        properties.configDir().resolve(study.name()),
        properties.nlp().toString());
  }

  @Bean
  ExtractsUpToDateDecider extractsUpToDate(
      InputsFingerprint fingerprint,
      ExtractIndexAdmin admin,
      JdbcTemplate jdbc,
      BuiltOutputs built) {
    return new ExtractsUpToDateDecider(fingerprint, admin, jdbc, study, built);
  }

  /**
   * Ingest and annotate; then, unless the live index already holds tonight's extracts, code and
   * index them; then the export (kept when written from the same content and still readable) and
   * coverage; then statistics and packs, which every night recomputes.
   */
  @Bean
  Job nightlyJob(
      Step ingestCasesStep,
      Step ingestParticipantsStep,
      Step ingestResponsesStep,
      Step ingestTranscriptsStep,
      Step importRefiQdaStep,
      Step annotateTranscriptsStep,
      Step deidentifySegmentsStep,
      Step attachImportedCodingsStep,
      Step autoCodeSegmentsStep,
      Step alignItemsStep,
      Step writeCodingCoverageStep,
      Step computeAgreementStep,
      Step writeMatricesStep,
      Step ingestWorkshopNotesStep,
      Step writeWorkshopSaidStep,
      Step reindexWorkshopNotesStep,
      Step exportRefiQdaStep,
      Step createExtractIndexStep,
      Step indexExtractsStep,
      Step indexWorkshopNotesStep,
      Step swapExtractAliasStep,
      Step itemStatisticsStep,
      Step detectPatternsStep,
      Step writeSynthesisPacksStep,
      Step recordChangesStep,
      ExtractsUpToDateDecider extractsUpToDate,
      RunReportListener runReportListener,
      RunLock runLock) {
    Flow extracts =
        new FlowBuilder<Flow>("codeAndIndexExtracts")
            .start(deidentifySegmentsStep)
            .next(attachImportedCodingsStep)
            .next(autoCodeSegmentsStep)
            .next(alignItemsStep)
            .next(createExtractIndexStep)
            .next(indexExtractsStep)
            .next(indexWorkshopNotesStep)
            .next(swapExtractAliasStep)
            .build();
    Flow coverage =
        new FlowBuilder<Flow>("exportAndCoverage")
            .start(exportRefiQdaStep)
            .next(writeCodingCoverageStep)
            .next(computeAgreementStep)
            .next(writeMatricesStep)
            .next(ingestWorkshopNotesStep)
            .next(reindexWorkshopNotesStep)
            .build();
    Flow transcripts =
        new FlowBuilder<Flow>("transcriptsToCoverage")
            .start(ingestTranscriptsStep)
            .next(importRefiQdaStep)
            .next(annotateTranscriptsStep)
            .next(extractsUpToDate)
            .on(ExtractsUpToDateDecider.UP_TO_DATE.getName())
            .to(coverage)
            .from(extractsUpToDate)
            .on("*")
            .to(extracts)
            .next(coverage)
            .build();
    // Statistics read only the answers and groups, final once the responses are in: they are worked
    // out beside the transcripts' steps, so a night with nothing else to do spends little more
    // than their time.
    Flow transcriptsBesideStatistics =
        new FlowBuilder<Flow>("transcriptsBesideStatistics")
            .split(new SimpleAsyncTaskExecutor("night-"))
            .add(
                transcripts,
                new FlowBuilder<Flow>("itemStatistics").start(itemStatisticsStep).build())
            .build();
    Flow night =
        new FlowBuilder<Flow>("night")
            .start(ingestCasesStep)
            .next(ingestParticipantsStep)
            .next(ingestResponsesStep)
            .next(transcriptsBesideStatistics)
            .next(detectPatternsStep)
            .next(writeWorkshopSaidStep)
            .next(writeSynthesisPacksStep)
            .next(recordChangesStep)
            .build();
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(new NightlyJobParameters.Validator(study))
        .listener(runLock.attachingListener())
        .listener(runReportListener)
        .start(night)
        .end()
        .build();
  }

  @Bean
  RunLock runLock(JdbcTemplate jdbc) {
    return new RunLock(jdbc, properties.run().lockStaleAfter());
  }
}
