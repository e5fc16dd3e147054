package org.triangulate.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class SourcePartitionerTest {

  @Test
  void dealsEverySourceOnceIntoGridSizePartitions() {
    List<String> sources = List.of("s1", "s2", "s3", "s4", "s5");

    Map<String, ExecutionContext> partitions = new SourcePartitioner(() -> sources).partition(2);

    assertThat(partitions).containsOnlyKeys("partition0", "partition1");
    List<String> dealt = new ArrayList<>();
    partitions
        .values()
        .forEach(c ->
            dealt.addAll(SourcePartitioner.sources(c.getString(SourcePartitioner.SOURCES_KEY))));
    assertThat(dealt).containsExactlyInAnyOrderElementsOf(sources);
  }

  @Test
  void keepsPartitionNamesWhenFewerSourcesAreLeftThanPartitions() {
    // A restart asks with the first attempt's grid size; a partition whose name went missing
    // would never be re-run.
    Map<String, ExecutionContext> partitions =
        new SourcePartitioner(() -> List.of("s9")).partition(4);

    assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2", "partition3");
    assertThat(SourcePartitioner.sources(partitions.get("partition3").getString("sourceIds")))
        .isEmpty();
  }
}
