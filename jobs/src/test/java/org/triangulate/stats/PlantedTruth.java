package org.triangulate.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.triangulate.study.Study;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The patterns the demo generator planted, read from {@code data-in/demo/planted.yml}. The file is
 * the generator's, so this reader accepts the plausible spellings of its shape rather than one:
 *
 * <pre>
 * patterns:                      # or planted_patterns / planted
 *   - type: REPLICATED_IN_PLACE  # or pattern / kind; any case, '-' or ' ' for '_'
 *     items: [rec_values, ...]   # or item / item_id; entries may be maps with id / item
 *   - type: VARIES_BY            # VARIES_BY_EMPLOYER, or VARIES_BY with grouping / by
 *     grouping: employer
 *     items: [...]
 * negative_controls: [item, ...] # or negative-controls / negativeControls / controls
 * </pre>
 *
 * An entry of type NEGATIVE_CONTROL counts as negative controls too. Anything else the file holds
 * (planted identifiers, offsets) is ignored.
 *
 * @param patterns one expectation per planted type and item
 */
record PlantedTruth(List<Expected> patterns, List<String> negativeControls) {

  record Expected(String type, String itemId) {
    @Override
    public String toString() {
      return type + ":" + itemId;
    }
  }

  private static final Set<String> FIXED_TYPES =
      Set.of("REPLICATED_IN_PLACE", "REPLICATED_NOT_IN_PLACE", "IMPORTANCE_GAP");

  static PlantedTruth read(Path file, Study study) {
    JsonNode root = YAMLMapper.builder().build().readTree(file.toFile());
    JsonNode patterns = first(root, "patterns", "planted_patterns", "planted-patterns", "planted");
    if (patterns == null || !patterns.isArray()) {
      throw new IllegalStateException(
          file
              + ": no list under patterns / planted_patterns / planted; "
              + "adapt PlantedTruth to the generator's format");
    }
    List<Expected> expected = new ArrayList<>();
    List<String> controls = new ArrayList<>();
    for (JsonNode entry : patterns) {
      JsonNode typeNode = first(entry, "type", "pattern", "kind");
      if (typeNode == null) {
        throw new IllegalStateException(file + ": a pattern without type: " + entry);
      }
      String type = normalise(typeNode.asString());
      JsonNode grouping = first(entry, "grouping", "by");
      if (type.equals("VARIES_BY") && grouping != null) {
        type = "VARIES_BY_" + normalise(grouping.asString());
      }
      List<String> items = items(first(entry, "items", "item", "item_id", "item-id"));
      if (type.equals("NEGATIVE_CONTROL") || type.equals("NONE")) {
        controls.addAll(items);
        continue;
      }
      if (!FIXED_TYPES.contains(type) && !isVariesByAGrouping(type, study)) {
        throw new IllegalStateException(
            file
                + ": pattern type '"
                + typeNode.asString()
                + "' is none of "
                + FIXED_TYPES
                + " or VARIES_BY_<one of "
                + study.groupings()
                + ">");
      }
      for (String item : items) {
        expected.add(new Expected(type, item));
      }
    }
    controls.addAll(
        items(
            first(root, "negative_controls", "negative-controls", "negativeControls", "controls")));
    return new PlantedTruth(List.copyOf(expected), List.copyOf(controls));
  }

  private static boolean isVariesByAGrouping(String type, Study study) {
    return study.groupings().stream()
        .anyMatch(g -> type.equals("VARIES_BY_" + g.toUpperCase(Locale.ROOT)));
  }

  private static String normalise(String type) {
    return type.strip().toUpperCase(Locale.ROOT).replaceAll("[-\\s]+", "_");
  }

  private static List<String> items(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      return List.of(itemId(node));
    }
    return StreamSupport.stream(node.spliterator(), false).map(PlantedTruth::itemId).toList();
  }

  private static String itemId(JsonNode node) {
    if (node.isObject()) {
      JsonNode id = first(node, "id", "item", "item_id", "item-id");
      if (id == null) {
        throw new IllegalStateException("an item entry without id: " + node);
      }
      return id.asString();
    }
    return node.asString();
  }

  private static JsonNode first(JsonNode node, String... keys) {
    for (String key : keys) {
      if (node.has(key)) {
        return node.get(key);
      }
    }
    return null;
  }
}
