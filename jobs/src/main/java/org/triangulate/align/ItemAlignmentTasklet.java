package org.triangulate.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.coding.AutoCodingTasklet;
import org.triangulate.fingerprint.Fingerprint;
import org.triangulate.fingerprint.SourceSteps;
import org.triangulate.ingest.StagedStudyStore;
import org.triangulate.nlp.DeidentifyTasklet;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Aligns one partition's sources' participant segments to items ({@link ItemAligner}): the worker
 * side of the partitioned alignment step, run on a local thread or by a remote worker. The sources
 * are those {@link #plan} finds changed since they were last aligned (de-identification, codings or
 * alignment settings); embeddings are computed only for segments whose de-identified text has no
 * stored vector of the study's model yet, gathered over several sources per model call. What
 * concerns the whole study (orphans, items left unaligned) is {@link ItemAlignmentStepListener}'s,
 * once per night. Counts sources read and alignments written. One instance per partition.
 */
public class ItemAlignmentTasklet implements Tasklet {

  /** The step's name in {@link SourceSteps}. */
  public static final String STEP = "align";

  /** How many missing vectors are gathered, over as many sources as it takes, per model call. */
  static final int EMBEDDING_BATCH = 2_000;

  /** How many segments (with their vectors) a group holds at most, so memory stays flat. */
  private static final int HELD_SEGMENTS = 10_000;

  private final JdbcTemplate jdbc;
  private final Study study;
  private final Embedders embedders;
  private final SourceSteps steps;
  private final Supplier<String> settings;
  private final boolean incremental;
  private final List<String> sourceIds;

  /**
   * @param settings a fingerprint of everything but the sources that shapes a source's codings (the
   *     study's configuration, imported projects, the build); the alignment settings, items and
   *     model are added to it here
   * @param incremental false to align every source again (a full night); vectors are reused
   * @param sourceIds the partition's sources; those no longer pending (done by an earlier attempt
   *     of the partition) are left alone
   */
  public ItemAlignmentTasklet(
      JdbcTemplate jdbc,
      Study study,
      Embedders embedders,
      SourceSteps steps,
      Supplier<String> settings,
      boolean incremental,
      List<String> sourceIds) {
    this.jdbc = jdbc;
    this.study = study;
    this.embedders = embedders;
    this.steps = steps;
    this.settings = settings;
    this.incremental = incremental;
    this.sourceIds = List.copyOf(sourceIds);
  }

  /**
   * Tonight's alignment plan: the sources whose de-identification or codings changed, or every
   * source when the alignment settings changed or the night is not incremental. Reads the store
   * only: the manager calls it to make the partitions, each partition again to record what it did.
   */
  public static SourceSteps.Plan plan(
      SourceSteps steps, Study study, String settings, boolean incremental) {
    SourceSteps.Plan plan =
        steps.plan(
            study.name(),
            STEP,
            settings + "\n" + settingsFingerprint(study),
            List.of(DeidentifyTasklet.STEP, AutoCodingTasklet.STEP));
    return incremental ? plan : plan.all();
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    SourceSteps.Plan plan = plan(steps, study, settings.get(), incremental);
    List<String> pending = sourceIds.stream().filter(plan.pending()::contains).toList();
    if (pending.isEmpty()) {
      return RepeatStatus.FINISHED;
    }
    SentenceEmbedder embedder = embedders.get();
    ItemAligner aligner =
        new ItemAligner(ItemProfiles.of(study, embedder), study.alignment(), categoryItems());
    List<Pending> group = new ArrayList<>();
    int missing = 0;
    int held = 0;
    for (String sourceId : pending) {
      contribution.incrementReadCount();
      List<Row> rows = rows(sourceId, embedder.model());
      group.add(new Pending(sourceId, rows, codings(sourceId)));
      missing += (int) rows.stream().filter(r -> r.vector == null).count();
      held += rows.size();
      if (missing >= EMBEDDING_BATCH || held >= HELD_SEGMENTS) {
        alignGroup(group, embedder, aligner, plan, contribution);
        group.clear();
        missing = 0;
        held = 0;
      }
    }
    alignGroup(group, embedder, aligner, plan, contribution);
    return RepeatStatus.FINISHED;
  }

  private static final class Row {
    String segmentId;
    int turnIndex;
    boolean participant;
    String sha256;
    String text;
    float[] vector;
  }

  /** A source to align, with its segments and codings. */
  private record Pending(
      String sourceId, List<Row> rows, Map<String, List<ItemAligner.Coded>> codings) {}

  /**
   * Embeds the group's missing vectors in one call (the model keeps both cores busy over a long
   * list, less so over one transcript's), then aligns each source and stores its alignments.
   */
  private void alignGroup(
      List<Pending> group,
      SentenceEmbedder embedder,
      ItemAligner aligner,
      SourceSteps.Plan plan,
      StepContribution contribution) {
    embedMissing(group.stream().flatMap(p -> p.rows().stream()).toList(), embedder);
    for (Pending source : group) {
      List<ItemAligner.Segment> input = new ArrayList<>();
      for (Row r : source.rows()) {
        input.add(
            new ItemAligner.Segment(
                r.segmentId,
                r.turnIndex,
                r.participant,
                r.vector,
                source.codings().getOrDefault(r.segmentId, List.of())));
      }
      List<ItemAlignment> alignments = aligner.align(input);
      StagedStudyStore.deletePerSegment(
          jdbc,
          study.name(),
          source.sourceId(),
          "delete from item_alignment where study = ? and segment_id = ?");
      jdbc.batchUpdate(
          "insert into item_alignment (study, segment_id, item_id, score, provenance)"
              + " values (?, ?, ?, ?, ?)",
          alignments.stream()
              .map(a ->
                  new Object[] {study.name(), a.segmentId(), a.itemId(), a.score(), a.provenance()})
              .toList());
      steps.done(study.name(), plan, source.sourceId(), output(alignments));
      contribution.incrementWriteCount(alignments.size());
    }
  }

  /** A source's segments, each with its stored vector when that is current. */
  private List<Row> rows(String sourceId, String model) {
    return jdbc.query(
        "select segment_id, turn_index, speaker_role, deidentified_body, embedded_sha256,"
            + " embedding_model, embedding from segment where study = ? and source_id = ?"
            + " order by start_offset",
        (rs, i) -> {
          Row r = new Row();
          r.segmentId = rs.getString(1);
          r.turnIndex = rs.getInt(2);
          r.participant = "participant".equals(rs.getString(3));
          r.text = rs.getString(4) == null ? "" : rs.getString(4);
          r.sha256 = DigestUtils.sha256Hex(r.text);
          byte[] bytes = rs.getBytes(7);
          if (bytes != null && r.sha256.equals(rs.getString(5)) && model.equals(rs.getString(6))) {
            r.vector = Vectors.of(bytes);
          }
          return r;
        },
        study.name(),
        sourceId);
  }

  private void embedMissing(List<Row> rows, SentenceEmbedder embedder) {
    List<Row> missing = rows.stream().filter(r -> r.vector == null).toList();
    if (missing.isEmpty()) {
      return;
    }
    List<float[]> vectors = embedder.embed(missing.stream().map(r -> r.text).toList());
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      Row r = missing.get(i);
      r.vector = vectors.get(i);
      updates.add(
          new Object[] {
            Vectors.bytes(r.vector), r.sha256, embedder.model(), study.name(), r.segmentId
          });
    }
    jdbc.batchUpdate(
        "update segment set embedding = ?, embedded_sha256 = ?, embedding_model = ?"
            + " where study = ? and segment_id = ?",
        updates);
  }

  private Map<String, List<ItemAligner.Coded>> codings(String sourceId) {
    Map<String, List<ItemAligner.Coded>> codings = new HashMap<>();
    jdbc.query(
        "select c.segment_id, c.category, c.provenance from segment s join coding c"
            + " on c.study = s.study and c.segment_id = s.segment_id"
            + " where s.study = ? and s.source_id = ? order by c.segment_id, c.category,"
            + " c.provenance",
        rs -> {
          codings
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new ItemAligner.Coded(rs.getString(2), rs.getString(3)));
        },
        study.name(),
        sourceId);
    return codings;
  }

  private Map<String, List<String>> categoryItems() {
    Map<String, List<String>> items = new LinkedHashMap<>();
    study.codebook().categories().forEach(c -> items.put(c.id(), c.items()));
    return items;
  }

  /**
   * The model, thresholds, items, prompts and categories' items: what alignments depend on. The
   * model is named as {@code study.yml} names it, which is what {@link SentenceEmbedder#model()}
   * reports, so the manager plans without loading it.
   */
  private static String settingsFingerprint(Study study) {
    StringBuilder text =
        new StringBuilder(ItemAligner.METHOD)
            .append('\n')
            .append(study.alignment().model())
            .append('\n')
            .append(study.alignment());
    for (Study.Item item : study.items()) {
      text.append('\n').append(item);
    }
    study.codebook().categories().map(Codebook.Category::items).forEach(i -> text.append(i));
    return DigestUtils.sha256Hex(text.toString());
  }

  /** What a source's alignment wrote, as later steps read it. */
  private static String output(List<ItemAlignment> alignments) {
    List<String> parts = new ArrayList<>();
    alignments.forEach(a ->
        parts.addAll(
            List.of(a.segmentId(), a.itemId(), Double.toString(a.score()), a.provenance())));
    return Fingerprint.of(parts);
  }
}
