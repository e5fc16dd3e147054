package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Imports each REFI-QDA test project (shapes of real MAXQDA, QualCoder, NVivo and ATLAS.ti exports;
 * see the fixtures' README) as the nightly job does, no participant having a transcript, so the
 * projects' own texts are staged.
 */
class QdpxRealExportShapesTest {

  private final QdaImporter importer =
      new QdaImporter(TestStudy.studyWithCodebook(), Set.of("P01", "P02"), Map.of(), p -> Map.of());

  private QdaImport importFolder(String folder) throws Exception {
    return RefiQdaInputs.importFile(
        "coding/" + folder + ".qdpx", QdpxFixtures.qdpx(folder), importer);
  }

  @Test
  void importsTheCodebookOfAMaxqdaProjectThatHasNoSelectionsAndSaysSo() throws Exception {
    // when
    QdaImport imported = importFolder("maxqda24");

    // then: nested codes with descriptions and colours; "Lived experience" is the study's category
    assertThat(imported.codes())
        .extracting(
            QdaImport.ImportedCode::name,
            QdaImport.ImportedCode::category,
            QdaImport.ImportedCode::theme,
            QdaImport.ImportedCode::color)
        .containsExactly(
            tuple("Peer support", "peer_support", "peer_support", "#ef8256"),
            tuple("Lived experience", "lived_experience", "support", "#ef8256"),
            tuple("Role boundaries", "role_boundaries", "peer_support", "#ef8256"),
            tuple("Supervision", "supervision", "imported", "#32bd59"));
    assertThat(imported.codes().get(2).description())
        .isEqualTo("What a peer worker does and does not do & who decides.");
    assertThat(imported.selections()).isEmpty();
    assertThat(imported.quarantined()).isEmpty();
    assertThat(imported.provenance()).isEqualTo("imported:MAXQDA 24 (Release 24.7.0)");
    assertThat(imported.notes())
        .containsExactly(
            "exported by MAXQDA 24 (Release 24.7.0)",
            "1 sets not imported",
            "codebook only: 4 codes, no coded selections in the project");
    InputLoad<Object> load = imported.asLoad(null);
    assertThat(load.read()).isEqualTo(4);
  }

  @Test
  void importsQualCoderSelectionsAtTheirCharacterOffsetsAndQuarantinesACodingOfAnUnknownCode()
      throws Exception {
    // given the project's text of P01
    String text =
        QdpxFixtures.text("qualcoder", "sources/b0e3c6a2-4d1f-4e8a-9c7b-1a2b3c4d5e6f.txt");

    // when
    QdaImport imported = importFolder("qualcoder");

    // then the text is staged for P01 and each coding sits on exactly the words selected
    assertThat(imported.sources())
        .singleElement()
        .satisfies(s -> {
          assertThat(s.source().participantId()).isEqualTo("P01");
          assertThat(s.source().text()).isEqualTo(text);
          assertThat(s.origin().kind()).isEqualTo("qdpx");
        });
    String sourceId = imported.sources().getFirst().source().sourceId();
    assertThat(sourceId).isEqualTo("coding/qualcoder.qdpx#b0e3c6a2-4d1f-4e8a-9c7b-1a2b3c4d5e6f");
    assertThat(imported.selections())
        .extracting(
            QdaImport.ImportedSelection::category,
            s -> text.substring(s.start(), s.end()),
            QdaImport.ImportedSelection::coder)
        .containsExactly(
            tuple("lived_experience", "She has been there herself, so she knows.", "coder1"),
            tuple("supervision", "Monthly, but it often gets cancelled.", "coder1"));
    assertThat(imported.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "coding/qualcoder.qdpx: selection s1000000-0000-4000-8000-000000000003: coded to code"
                + " c1000000-0000-4000-8000-000000000009, which is not in the codebook (source"
                + " 'P01.txt', code 'c1000000-0000-4000-8000-000000000009')");
    // 3 codes + 3 codings read: 3 + 2 loaded, 1 quarantined
    assertThat(imported.asLoad(null).read()).isEqualTo(6);
    assertThat(imported.asLoad(null).loaded()).hasSize(5);
  }

  @Test
  void countsNvivoPositionsInUtf16UnitsOverCrlfText() throws Exception {
    // when
    QdaImport imported = importFolder("nvivo");

    // then the emoji before the selection counts twice, CRLF as two, and the selection is mapped
    // onto the canonical LF text
    String staged = imported.sources().getFirst().source().text();
    assertThat(staged)
        .isEqualTo(
            "Interviewer: How was it?\nP02: I felt \uD83D\uDE0A welcome.\nIt helped a lot.\n");
    assertThat(imported.selections())
        .singleElement()
        .satisfies(s ->
            assertThat(staged.substring(s.start(), s.end()))
                .isEqualTo("welcome.\nIt helped a lot."));
    assertThat(imported.sources().getFirst().origin().lineEndings()).isEqualTo("CRLF");
    assertThat(imported.notes()).contains("positions read as UTF-16 units (as NVivo writes them)");
  }

  @Test
  void acceptsAtlasTiProjectXmlNamedAfterTheProjectAndReportsTheVideoItSkips() throws Exception {
    // when
    QdaImport imported = importFolder("atlasti");

    // then
    assertThat(imported.codes())
        .extracting(QdaImport.ImportedCode::category, QdaImport.ImportedCode::color)
        .containsExactly(tuple("hello", null), tuple("test", null));
    assertThat(imported.quarantined())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactly(
            tuple(
                "selection E0000000-0000-4000-8000-000000000001",
                "VideoSelection on VideoSource 'clip-2.MP4': only plain-text selections are imported"),
            tuple(
                "selection E0000000-0000-4000-8000-000000000002",
                "VideoSelection on VideoSource 'clip-2.MP4': only plain-text selections are imported"));
    assertThat(imported.notes())
        .containsExactly(
            "exported by ATLAS.ti 26.1.2 (build 34883)",
            "project XML is named Trial.qde, not project.qde (accepted)",
            "1 VideoSource(s) not imported (not text)");
  }
}
