package org.triangulate.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePlacementTest {

  @TempDir Path temp;

  @Test
  void aFolderClosedToOthersIsNotEnterable() throws Exception {
    Path open = Files.createDirectories(temp.resolve("open/checkout"));
    Path closed = Files.createDirectories(temp.resolve("closed/checkout"));
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        temp.resolve("open"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        temp.resolve("closed"), PosixFilePermissions.fromString("rwx------"));

    boolean tempReachable = NodePlacement.othersCanEnter(temp);

    assertThat(NodePlacement.othersCanEnter(open.resolve("data-out/.es/node")))
        .isEqualTo(tempReachable);
    assertThat(NodePlacement.othersCanEnter(closed.resolve("data-out/.es/node"))).isFalse();
  }

  @Test
  void relocatedInstanceIsKeyedByTheDirectoryAskedFor() {
    Path base = temp.resolve("var-lib");
    EmbeddedElasticsearchSettings one = settings(temp.resolve("a/data-out/.es/node"));
    EmbeddedElasticsearchSettings other = settings(temp.resolve("b/data-out/.es/node"));

    NodePlacement first = NodePlacement.relocated(one, base);
    NodePlacement again = NodePlacement.relocated(one, base);
    NodePlacement second = NodePlacement.relocated(other, base);

    assertThat(first.isRelocated()).isTrue();
    assertThat(first.instanceDir().getParent()).isEqualTo(base);
    assertThat(again.instanceDir()).isEqualTo(first.instanceDir());
    assertThat(second.instanceDir()).isNotEqualTo(first.instanceDir());
    assertThat(NodePlacement.inPlace(one).instanceDir()).isEqualTo(one.instanceDir());
  }

  @Test
  void relocatedDistributionIsACompleteCopyWithItsExecutableBits() throws Exception {
    Path home = Files.createDirectories(temp.resolve("checkout/dist/elasticsearch-9.9.9"));
    Path script = Files.createDirectories(home.resolve("bin")).resolve("elasticsearch");
    Files.writeString(script, "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(Files.createDirectories(home.resolve("config")).resolve("jvm.options"), "x");
    NodePlacement placement =
        NodePlacement.relocated(settings(temp.resolve("checkout/node")), temp.resolve("base"));

    Path copy = placement.distribution(home);
    Path again = placement.distribution(home);

    assertThat(copy).isNotEqualTo(home).endsWith(Path.of("elasticsearch-9.9.9"));
    assertThat(again).isEqualTo(copy);
    assertThat(copy.resolve("bin/elasticsearch")).hasContent("#!/bin/sh");
    assertThat(Files.isExecutable(copy.resolve("bin/elasticsearch"))).isTrue();
    assertThat(copy.resolve("config/jvm.options")).hasContent("x");
    assertThat(NodePlacement.inPlace(settings(temp.resolve("n"))).distribution(home))
        .isEqualTo(home);
  }

  private EmbeddedElasticsearchSettings settings(Path instanceDir) {
    return EmbeddedElasticsearchSettings.of(temp.resolve("checkout/dist"), instanceDir, "");
  }
}
