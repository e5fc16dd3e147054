package org.triangulate.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltOutputsTest {

  @TempDir Path temp;

  private final StoreFixture store = new StoreFixture();
  private final BuiltOutputs built = new BuiltOutputs(store.jdbc, true);

  @Test
  void givenAnOutputBuiltFromTonightsFingerprint_whenItsFilesAreThere_thenItIsKept()
      throws IOException {
    Path export = archive(temp.resolve("demo.qdpx"));
    built.record("demo", "export", "f1", List.of(export), 7);

    assertThat(built.whyRebuild("demo", "export", "f1")).isEmpty();
    assertThat(built.whyRebuild("demo", "export", "f2"))
        .hasValue("inputs, configuration or build changed");
  }

  @Test
  void givenAnOutputBuilt_whenAFileIsMissingEmptyOrUnreadable_thenItIsBuiltAgainAndSaysWhy()
      throws IOException {
    Path export = archive(temp.resolve("demo.qdpx"));
    Path page = Files.writeString(temp.resolve("index.html"), "<p>pack</p>");
    built.record("demo", "export", "f1", List.of(export, page), 7);

    Files.write(export, new byte[] {'P', 'K', 3, 4});
    assertThat(built.whyRebuild("demo", "export", "f1").orElseThrow())
        .startsWith(export + " is unreadable");
    archive(export);
    Files.writeString(page, "");
    assertThat(built.whyRebuild("demo", "export", "f1")).hasValue(page + " is empty");
    Files.delete(page);
    assertThat(built.whyRebuild("demo", "export", "f1")).hasValue(page + " is missing");
  }

  @Test
  void givenAStoreWithoutARecord_thenOldFilesAreNeverTakenForItsOwn() throws IOException {
    archive(temp.resolve("demo.qdpx"));

    assertThat(built.whyRebuild("demo", "export", "f1")).hasValue("not built from this store yet");
    assertThat(built.has("demo", "export")).isFalse();
  }

  @Test
  void givenFullNights_thenEveryOutputIsBuiltAgain() throws IOException {
    Path export = archive(temp.resolve("demo.qdpx"));
    built.record("demo", "export", "f1", List.of(export), 7);

    BuiltOutputs full = new BuiltOutputs(store.jdbc, false);

    assertThat(full.whyRebuild("demo", "export", "f1")).hasValue(BuiltOutputs.FULL_NIGHT);
  }

  private static Path archive(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write("<Project/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }
}
