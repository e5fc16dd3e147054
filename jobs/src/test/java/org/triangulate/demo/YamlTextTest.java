package org.triangulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class YamlTextTest {

  @Test
  void aRecordIsOneLineThatReadsBackAsTheSameValues() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("file", "transcripts/P001.txt");
    record.put("text", "9995300842");
    record.put("word", "no");
    record.put("said", "Zoë, \"the\" lead: here");
    record.put("start", 39);
    record.put("in-label", true);
    record.put("items", List.of("pay_parity", "null"));

    String line = YamlText.flow(record);

    assertThat(line).doesNotContain("\n").startsWith("{").endsWith("}");
    assertThat(new YAMLMapper().readValue(line, Map.class)).isEqualTo(record);
  }
}
