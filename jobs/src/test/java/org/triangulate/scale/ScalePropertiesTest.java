package org.triangulate.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ScalePropertiesTest {

  @Test
  void defaultsToLocalAnnotation() {
    ScaleProperties scale = bind(Map.of());

    assertThat(scale.mode()).isEqualTo(ScaleProperties.Mode.LOCAL);
    assertThat(scale.partitionSize()).isEqualTo(10);
    assertThat(scale.requestQueue("demo")).isEqualTo("triangulate.demo.annotate");
  }

  @Test
  void bindsRemoteModeAndItsSettings() {
    ScaleProperties scale =
        bind(
            Map.of(
                "triangulate.scale.mode", "remote",
                "triangulate.scale.partition-size", "3",
                "triangulate.scale.timeout", "90s",
                "triangulate.scale.queue-prefix", "nightly-a"));

    assertThat(scale.mode()).isEqualTo(ScaleProperties.Mode.REMOTE);
    assertThat(scale.partitionSize()).isEqualTo(3);
    assertThat(scale.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(scale.requestQueue("demo")).isEqualTo("nightly-a.demo.annotate");
  }

  @Test
  void refusesAZeroPartitionSizeNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("triangulate.scale.partition-size", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("triangulate.scale.partition-size: must be at least 1");
  }

  @Test
  void refusesAPollIntervalLongerThanTheTimeout() {
    assertThatThrownBy(() ->
            bind(
                Map.of(
                    "triangulate.scale.timeout", "10s",
                    "triangulate.scale.poll-interval", "1m")))
        .rootCause()
        .hasMessageContaining("triangulate.scale.poll-interval");
  }

  @Test
  void refusesAnUnknownModeNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("triangulate.scale.mode", "distributed")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("triangulate.scale.mode");
  }

  @Test
  void dividesTranscriptsIntoPartitionsOfTheConfiguredSize() {
    assertThat(RemoteAnnotationConfiguration.partitions(89, 10)).isEqualTo(9);
    assertThat(RemoteAnnotationConfiguration.partitions(90, 10)).isEqualTo(9);
    assertThat(RemoteAnnotationConfiguration.partitions(0, 10)).isEqualTo(1);
  }

  private static ScaleProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("triangulate.scale", ScaleProperties.class);
  }
}
