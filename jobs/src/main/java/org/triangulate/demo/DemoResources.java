package org.triangulate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the generator's data from {@code resources/demo/}. Stateless. */
final class DemoResources {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private DemoResources() {}

  static <T> T yaml(String name, Class<T> type) {
    try (InputStream in = open(name)) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A YAML resource with each top-level key another resource holds replaced by that resource's: a
   * variant holding only {@code topics} replaces the topics, a second language's phrase bank
   * everything it says in that language.
   */
  static <T> T yamlOverlaid(String name, String overlayName, Class<T> type) {
    try (InputStream in = open(name);
        InputStream overlay = open(overlayName)) {
      tools.jackson.databind.node.ObjectNode tree =
          (tools.jackson.databind.node.ObjectNode) YAML.readTree(in);
      YAML.readTree(overlay).properties().forEach(e -> tree.set(e.getKey(), e.getValue()));
      return YAML.treeToValue(tree, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = DemoResources.class.getResourceAsStream("/demo/" + name);
    if (in == null) {
      throw new IllegalStateException("missing generator resource demo/" + name);
    }
    return in;
  }
}
