package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class InputLimitsTest {

  private static InputLimits bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("triangulate.input", Bindable.of(InputLimits.class));
  }

  @Test
  void bindsTheSameDefaultsAsTheConstantUsedOutsideTheApplication() {
    assertThat(bind(Map.of())).isEqualTo(InputLimits.DEFAULTS);
  }

  @Test
  void takesEachCapFromConfiguration() {
    // when
    InputLimits limits =
        bind(
            Map.of(
                "triangulate.input.max-csv-line-length", "2KB",
                "triangulate.input.max-archive-entries", "50",
                "triangulate.input.max-docx-xml-size", "4MB"));

    // then
    assertThat(limits.maxCsvLineLength()).isEqualTo(DataSize.ofKilobytes(2));
    assertThat(limits.maxArchiveEntries()).isEqualTo(50);
    assertThat(limits.maxDocxXmlSize()).isEqualTo(DataSize.ofMegabytes(4));
    assertThat(limits.maxArchiveSize()).isEqualTo(InputLimits.DEFAULTS.maxArchiveSize());
  }

  @Test
  void refusesAZeroCapNamingItsKey() {
    assertThatThrownBy(() -> bind(Map.of("triangulate.input.max-csv-size", "0B")))
        .hasStackTraceContaining("triangulate.input.max-csv-size");
  }
}
