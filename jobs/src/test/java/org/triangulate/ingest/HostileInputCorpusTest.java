package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * The hostile inputs of the input half of issue 19, each crafted at the size it was found at and
 * read under the default caps in the test JVM's 2 GB heap: each is refused (quarantined with the
 * file, line where there is one, and the cap's key) instead of exhausting memory, and what is good
 * in the file still loads.
 */
class HostileInputCorpusTest {

  private static final Path STUDIES = Path.of("src/test/resources/ingest/studies");
  private static final long MB = 1024 * 1024;

  @TempDir Path work;

  @Test
  void quarantinesAQdpxOfFortyFiveEntriesOfSixtyThreeMegabytesByItsExpandedSize() throws Exception {
    // given an archive of a few MB whose project references 45 sources of 63 MB each (2.8 GB in
    // all)
    Path file = HostileFiles.qdpxBomb(work.resolve("bomb.qdpx"), 45, 63 * MB, true);
    assertThat(Files.size(file)).isLessThan(16 * MB);

    // when it is imported as the night imports it
    QdaImport result = RefiQdaInputs.importFile("coding/bomb.qdpx", file, importer(), limits());

    // then the whole file is one quarantined record naming the cap
    assertThat(result.quarantined())
        .singleElement()
        .satisfies(q -> {
          assertThat(q.fileName()).isEqualTo("coding/bomb.qdpx");
          assertThat(q.reason())
              .contains("expands to more than 128 MB")
              .contains("triangulate.input.max-archive-size");
        });
    assertThat(result.asLoad(null).read()).isEqualTo(1);
  }

  @Test
  void readsOnlyTheEntriesTheProjectReferences() throws Exception {
    // given the same 2.8 GB of entries, none referenced by the project
    Path file = HostileFiles.qdpxBomb(work.resolve("media.qdpx"), 45, 63 * MB, false);

    // when
    QdaProject project = QdpxReader.read("coding/media.qdpx", file, limits());

    // then the project reads (nothing in it) without decompressing a single entry
    assertThat(project.sources()).isEmpty();
  }

  @Test
  void quarantinesAQdpxListingMoreEntriesThanTheCap() throws Exception {
    // given an archive of 11 small entries against a cap of 10
    Path file = HostileFiles.qdpxBomb(work.resolve("many.qdpx"), 11, 10, true);
    InputLimits limits =
        new InputLimits(
            limits().maxTranscriptSize(),
            limits().maxDocxXmlSize(),
            limits().maxArchiveSize(),
            10,
            limits().maxCsvLineLength(),
            limits().maxCsvSize());

    // when / then
    assertThatThrownBy(() -> QdpxReader.read("coding/many.qdpx", file, limits))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("more than 10 entries")
        .hasMessageContaining("triangulate.input.max-archive-entries");
  }

  @Test
  void quarantinesACsvLineOfFiveHundredMegabytesByItsNumberAndLoadsTheOtherRows() throws Exception {
    // given a responses file whose third line is 500 MB long
    Path file =
        HostileFiles.csvWithLongLine(
            work.resolve("responses.csv"),
            "participant_id,item_id,happening,importance",
            "P01,peer_support,yes,3",
            "P02,peer_support,no,2",
            500 * MB);

    // when it is read as the night reads it
    CsvFile csv = CsvFileReader.read(file, "responses.csv", limits());

    // then line 3 is quarantined with its length and the cap's key, and lines 2 and 4 are rows
    assertThat(csv.unreadable())
        .singleElement()
        .satisfies(q -> {
          assertThat(q.location()).isEqualTo("line 3");
          assertThat(q.reason())
              .contains("524288000 characters long")
              .contains("triangulate.input.max-csv-line-length");
          assertThat(q.recordText()).hasSizeLessThan(100);
        });
    assertThat(csv.rows()).extracting(CsvRow::line).containsExactly(2L, 4L);
    assertThat(csv.rows().getLast().get("participant_id")).isEqualTo("P02");
  }

  @Test
  void quarantinesAWordTranscriptWhoseXmlExpandsPastTheCap() throws Exception {
    // given a .docx of a few MB whose document.xml expands to 95 MB
    Path file = HostileFiles.docxExpanding(work.resolve("P01.docx"), 95 * MB);
    assertThat(Files.size(file)).isLessThan(10 * MB);

    // when it is read as the night reads a transcript
    InputLoad<StagedTranscript> load =
        StagedTranscript.read("P01.docx", file, "sha", Set.of("P01"), null, limits());

    // then it is one quarantined record naming the cap
    assertThat(load.loaded()).isEmpty();
    assertThat(load.quarantined())
        .singleElement()
        .satisfies(q ->
            assertThat(q.reason())
                .contains("XML expands to more than 16 MB")
                .contains("triangulate.input.max-docx-xml-size"));
  }

  @Test
  void quarantinesATranscriptLargerThanTheCapWithoutReadingIt() throws Exception {
    // given a 65 MB text transcript
    Path file = work.resolve("P01.txt");
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      byte[] line =
          "R: and so on and so forth.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (long n = 0; n < 65 * MB; n += line.length) {
        out.write(line);
      }
    }

    // when
    InputLoad<StagedTranscript> load =
        StagedTranscript.read("P01.txt", file, "sha", Set.of("P01"), null, limits());

    // then
    assertThat(load.quarantined())
        .singleElement()
        .satisfies(q ->
            assertThat(q.reason())
                .contains("over the cap of 64 MB")
                .contains("triangulate.input.max-transcript-size"));
  }

  private static InputLimits limits() {
    return InputLimits.DEFAULTS;
  }

  private static QdaImporter importer() {
    Study study = new StudyLoader().load(STUDIES, "clean");
    return new QdaImporter(study, Set.of("P01", "P02"), Map.of(), p -> Map.of());
  }
}
