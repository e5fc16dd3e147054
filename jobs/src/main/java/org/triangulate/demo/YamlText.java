package org.triangulate.demo;

import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a value (map, list, scalar) as YAML in flow style on one line, so generated truth files
 * keep one record to a line, compact and diffable. Jackson YAML decides the quoting: plain where
 * YAML reads the text back unchanged, quoted otherwise. Thread-safe.
 */
final class YamlText {

  private static final YAMLMapper FLOW =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .dumperOptions(
                      DumpSettings.builder()
                          .setDefaultFlowStyle(FlowStyle.FLOW)
                          .setSplitLines(false)
                          .setWidth(Integer.MAX_VALUE)
                          .build())
                  .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                  .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                  // "9995300842" stays a text, as the planted identifier it is.
                  .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .build();

  private YamlText() {}

  static String flow(Object value) {
    return FLOW.writeValueAsString(value).strip();
  }
}
