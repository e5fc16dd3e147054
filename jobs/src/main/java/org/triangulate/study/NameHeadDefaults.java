package org.triangulate.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the default name heads, {@code study/name-heads.yml} on the class path. */
final class NameHeadDefaults {

  static final String RESOURCE = "/study/name-heads.yml";

  private NameHeadDefaults() {}

  static Study.NameHeads load() {
    try (InputStream in = NameHeadDefaults.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = YAMLMapper.builder().build().readTree(in);
      return new Study.NameHeads(words(root, "places"), words(root, "organisations"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> words(JsonNode root, String key) {
    JsonNode list = root.get(key);
    if (list == null || !list.isArray()) {
      throw new IllegalStateException(RESOURCE + ": " + key + " must be a list of words");
    }
    return java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(JsonNode::asString)
        .toList();
  }
}
