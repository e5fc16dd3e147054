package org.triangulate.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code passages:} of a study's {@code planted.yml}, by transcript. Immutable.
 *
 * @param byFile passages of each transcript (path relative to the transcripts folder)
 */
public record PlantedTruth(Map<String, List<PlantedPassage>> byFile) {

  private static final String TRANSCRIPTS = "transcripts/";

  public PlantedTruth {
    byFile = Map.copyOf(byFile);
  }

  /** Reads the passages; a file without them is an error naming the file. */
  public static PlantedTruth read(Path plantedYml) {
    if (!Files.isRegularFile(plantedYml)) {
      throw new IllegalArgumentException(
          plantedYml + ": not found (the planted truth is written with generated study data)");
    }
    JsonNode passages = new YAMLMapper().readTree(plantedYml.toFile()).path("passages");
    if (!passages.isArray() || passages.isEmpty()) {
      throw new IllegalArgumentException(plantedYml + ": passages: missing or empty");
    }
    List<PlantedPassage> all = new ArrayList<>();
    for (JsonNode p : passages) {
      String file = p.path("file").asString();
      all.add(
          new PlantedPassage(
              file.startsWith(TRANSCRIPTS) ? file.substring(TRANSCRIPTS.length()) : file,
              p.path("item").asString(),
              p.path("answer").asString(),
              p.path("start").asInt(),
              p.path("end").asInt()));
    }
    return new PlantedTruth(all.stream().collect(Collectors.groupingBy(PlantedPassage::file)));
  }

  public List<PlantedPassage> passages(String file) {
    return byFile.getOrDefault(file, List.of());
  }

  public int size() {
    return byFile.values().stream().mapToInt(List::size).sum();
  }
}
