package org.triangulate.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals the transcripts awaiting annotation round-robin into exactly {@code gridSize} partitions
 * named {@code partition0…}, each carrying its source ids in its execution context (some may be
 * empty). The names must not depend on how many transcripts are left: a restart asks again with the
 * first attempt's grid size, Spring Batch re-runs each partition that did not complete with the
 * sources its first attempt was given, and a partition name missing on restart would be skipped.
 */
class SourcePartitioner implements Partitioner {

  static final String SOURCES_KEY = "sourceIds";
  private static final String SEPARATOR = "\n";

  private final Supplier<List<String>> sources;

  SourcePartitioner(Supplier<List<String>> sources) {
    this.sources = sources;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    List<String> all = sources.get();
    int partitions = Math.max(1, gridSize);
    List<List<String>> dealt = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      dealt.get(i % partitions).add(all.get(i));
    }
    Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
    for (int i = 0; i < partitions; i++) {
      ExecutionContext context = new ExecutionContext();
      context.putString(SOURCES_KEY, String.join(SEPARATOR, dealt.get(i)));
      contexts.put("partition" + i, context);
    }
    return contexts;
  }

  static List<String> sources(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }
}
