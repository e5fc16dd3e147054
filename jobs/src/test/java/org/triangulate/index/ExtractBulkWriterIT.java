package org.triangulate.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.util.unit.DataSize;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * The step's writer against the real node: quarantine, counts that survive restarts, live updates.
 */
class ExtractBulkWriterIT {

  private static final Study STUDY = IndexTestData.demoNamed("writer-it");
  private static final BulkSettings BULK = BulkSettings.of(50, 5_000_000, 2, 10, 3);

  private static ElasticsearchClient client;
  private static ExtractIndexAdmin admin;

  @BeforeAll
  static void connect() {
    client = IndexTestData.client(TestElasticsearch.url());
    admin =
        new ExtractIndexAdmin(
            client,
            new TriangulateProperties.Index(
                1, 0, 2, true, 500, DataSize.ofMegabytes(5), 2, Duration.ofMillis(10), 3));
  }

  @AfterAll
  static void deleteIndices() throws IOException {
    TestElasticsearch.deleteIndices(client, "writer-it*");
    client.close();
  }

  @Test
  void givenARefusedDocument_whenWritingChunks_thenQuarantinesItAndCountsItAsASkipAcrossRestarts()
      throws Exception {
    // given a step context from an earlier, failed attempt that had quarantined one document
    String index = admin.createIndex(STUDY, 1);
    List<ExtractBulkIndexer.Rejection> quarantined = new ArrayList<>();
    ExtractBulkWriter writer = new ExtractBulkWriter(client, index, BULK, quarantined::add, false);
    ExecutionContext context = new ExecutionContext();
    context.putLong(ExtractBulkWriter.QUARANTINED, 1L);
    StepExecution step = MetaDataInstanceFactory.createStepExecution();

    // when this attempt writes a chunk with one document the strict mapping refuses
    writer.open(context);
    writer.write(
        Chunk.of(
            IndexTestData.extract(STUDY.name(), "w1", "Pay is low."),
            IndexTestData.extract(STUDY.name(), "w2", "Odd.", withUnknownAttribute()),
            IndexTestData.extract(STUDY.name(), "w3", "Supervision helps.")));
    writer.update(context);
    writer.close();
    step.setWriteCount(3);
    writer.afterStep(step);

    // then
    assertThat(quarantined).extracting(ExtractBulkIndexer.Rejection::id).containsExactly("w2");
    assertThat(ExtractQuarantine.of(quarantined.getFirst()).reason())
        .startsWith("Elasticsearch refused the document: strict_dynamic_mapping_exception");
    assertThat(context.getLong(ExtractBulkWriter.QUARANTINED)).isEqualTo(2L);
    assertThat(step.getWriteCount()).isEqualTo(2);
    assertThat(step.getWriteSkipCount()).isEqualTo(1);
    assertThat(admin.refreshAndCount(index)).isEqualTo(2);
  }

  @Test
  void givenALiveIndex_whenAnUpdateIsRefused_thenTheStaleCopyIsDeleted() throws Exception {
    // given the live index holds w9 as it was
    String index = admin.createIndex(STUDY, 2);
    ExtractBulkWriter first = new ExtractBulkWriter(client, index, BULK, r -> {}, true);
    first.open(new ExecutionContext());
    first.write(Chunk.of(IndexTestData.extract(STUDY.name(), "w9", "Old text.")));
    first.close();

    // when its new version is refused
    ExtractBulkWriter second = new ExtractBulkWriter(client, index, BULK, r -> {}, true);
    second.open(new ExecutionContext());
    second.write(
        Chunk.of(IndexTestData.extract(STUDY.name(), "w9", "New.", withUnknownAttribute())));
    second.close();

    // then no version of it is searchable
    assertThat(admin.refreshAndCount(index)).isZero();
  }

  private static Map<String, String> withUnknownAttribute() {
    Map<String, String> attributes =
        new HashMap<>(IndexTestData.extract("x", "x", "x").attributes());
    attributes.put("favourite_colour", "blue");
    return attributes;
  }
}
