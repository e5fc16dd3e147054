package org.triangulate.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedElasticsearchSettingsTest {

  @TempDir Path dist;

  @Test
  void omittedValuesTakeTheDefaults() {
    // when
    EmbeddedElasticsearchSettings settings =
        EmbeddedElasticsearchSettings.of(dist, dist.resolve("node"), null);

    // then
    assertThat(settings.port()).isZero();
    assertThat(settings.heap()).isEqualTo("512m");
    assertThat(settings.systemUser()).isEqualTo("triangulate-es");
    assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.javaHome())
        .isEqualTo(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
  }

  @Test
  void blankVersionAcceptsTheOnlyUnpackedDistribution() throws IOException {
    // given
    Path unpacked = unpack("9.2.8");

    // when
    Path home =
        EmbeddedElasticsearchSettings.of(dist, dist.resolve("node"), " ").elasticsearchHome();

    // then
    assertThat(home).isEqualTo(unpacked);
  }

  @Test
  void versionPicksAmongSeveralDistributions() throws IOException {
    // given
    unpack("9.2.4");
    Path wanted = unpack("9.2.8");

    // when
    Path home =
        EmbeddedElasticsearchSettings.of(dist, dist.resolve("node"), "9.2.8").elasticsearchHome();

    // then
    assertThat(home).isEqualTo(wanted);
  }

  @Test
  void missingDistributionNamesTheDirectoryAndHowToUnpackIt() {
    // given
    EmbeddedElasticsearchSettings settings =
        EmbeddedElasticsearchSettings.of(dist, dist.resolve("node"), "9.2.8");

    // when / then
    assertThatThrownBy(settings::elasticsearchHome)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("elasticsearch-9.2.8")
        .hasMessageContaining(dist.toString())
        .hasMessageContaining("generate-resources");
  }

  @Test
  void heapThatIsNoJvmSizeIsRejected() {
    // when / then
    assertThatThrownBy(
            () -> new EmbeddedElasticsearchSettings(dist, dist, "", 0, "half", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("half");
  }

  private Path unpack(String version) throws IOException {
    Path home = dist.resolve("elasticsearch-" + version);
    Files.createDirectories(home.resolve("bin"));
    Files.createFile(home.resolve("bin/elasticsearch"));
    return home;
  }
}
