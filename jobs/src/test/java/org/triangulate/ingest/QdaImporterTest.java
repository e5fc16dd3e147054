package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QdaImporterTest {

  private static final String PROJECT_TEXT = "I: Why?\nR: Because  the team\nknows me.\n";

  private static QdaProject project(
      String sourceName, String text, QdaProject.Selection... selections) {
    return new QdaProject(
        "p",
        "QualCoder 3.6",
        List.of(new QdaProject.Code("c1", null, "Lived experience", null, null, true)),
        List.of(
            new QdaProject.Source(
                "s1", sourceName, "internal://s1.txt", text, List.of(selections))),
        List.of(),
        List.of());
  }

  private static QdaProject.Selection selection(String text, String selected) {
    int start = text.indexOf(selected);
    return new QdaProject.Selection(
        "sel1", selected, start, start + selected.length(), "coder", List.of("c1"));
  }

  @Test
  void placesASelectionOnTheParticipantsTranscriptWhereItsWordsAreEvenWhenSpacingDiffers() {
    // given the transcript holds the same words with a header line and different spacing
    String transcript = "Interview 3 March\n\nI: Why?\nR: Because the team knows me.\n";
    QdaImporter importer =
        new QdaImporter(
            TestStudy.studyWithCodebook(),
            Set.of("P01"),
            Map.of(),
            p -> p.equals("P01") ? Map.of("P01.txt", transcript) : Map.of());

    // when
    QdaImport imported =
        importer.importProject(
            "coding/p.qdpx",
            project("P01 interview", PROJECT_TEXT, selection(PROJECT_TEXT, "the team\nknows me.")));

    // then nothing is staged: the coding lands on transcripts/P01.txt
    assertThat(imported.sources()).isEmpty();
    assertThat(imported.selections())
        .extracting(
            QdaImport.ImportedSelection::sourceId, s -> transcript.substring(s.start(), s.end()))
        .containsExactly(tuple("P01.txt", "the team knows me."));
  }

  @Test
  void quarantinesASelectionWhoseWordsTheTranscriptDoesNotHold() {
    // given
    QdaImporter importer =
        new QdaImporter(
            TestStudy.studyWithCodebook(),
            Set.of("P01"),
            Map.of(),
            p -> Map.of("P01.txt", "Other words."));

    // when
    QdaImport imported =
        importer.importProject(
            "coding/p.qdpx", project("P01", PROJECT_TEXT, selection(PROJECT_TEXT, "Because")));

    // then
    assertThat(imported.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "coding/p.qdpx: selection sel1: the selected text (7 characters at 11-18) is not in the"
                + " participant's transcript (source 'P01', code 'Lived experience')");
  }

  @Test
  void mapsASourceToAParticipantBySourcesCsvAndQuarantinesAnUnmappedOne() throws Exception {
    // given sources.csv maps "Interview A" to P02, and a bad row
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sources", ".csv");
    java.nio.file.Files.writeString(
        file, "source,participant_id\nInterview A,P02\nInterview B,P99\n", StandardCharsets.UTF_8);
    RefiQdaInputs.SourceMapping mapping = RefiQdaInputs.sourceMapping(file, Set.of("P01", "P02"));
    QdaImporter importer =
        new QdaImporter(
            TestStudy.studyWithCodebook(),
            Set.of("P01", "P02"),
            mapping.participantOfSource(),
            p -> Map.of());

    // when
    QdaImport a =
        importer.importProject(
            "coding/p.qdpx", project("Interview A", PROJECT_TEXT, selection(PROJECT_TEXT, "Why?")));
    QdaImport b =
        importer.importProject(
            "coding/p.qdpx", project("Interview B", PROJECT_TEXT, selection(PROJECT_TEXT, "Why?")));

    // then
    assertThat(mapping.load().quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "coding/sources.csv: line 3: column participant_id: 'P99' is not a participant in participants.csv");
    assertThat(a.sources())
        .singleElement()
        .satisfies(s -> assertThat(s.source().participantId()).isEqualTo("P02"));
    assertThat(b.quarantined())
        .extracting(QuarantinedRecord::reason)
        .containsExactly(
            "source 'Interview B' matches no participant: name it after one, or map it in"
                + " coding/sources.csv");
  }

  @Test
  void readsCrlfCountedAsOneCharacterWhenTheSelectionsNameSaysSo() {
    // given a CRLF text and a tool that counted each CRLF as one character (position 11 in the
    // LF text is "Because"), naming the selection by its text
    String crlf = "I: Why?\r\nR: Because.\r\n";
    int start = "I: Why?\nR: ".length();
    QdaProject project =
        project(
            "P01",
            crlf,
            new QdaProject.Selection("sel1", "Because.", start, start + 8, null, List.of("c1")));
    QdaImporter importer =
        new QdaImporter(TestStudy.studyWithCodebook(), Set.of("P01"), Map.of(), p -> Map.of());

    // when
    QdaImport imported = importer.importProject("coding/p.qdpx", project);

    // then
    String staged = imported.sources().getFirst().source().text();
    assertThat(imported.selections())
        .singleElement()
        .satisfies(s -> assertThat(staged.substring(s.start(), s.end())).isEqualTo("Because."));
  }

  @Test
  void countsPositionsInCodePointsSoACharacterBeyondTheBmpCountsOnce() {
    // given "🙂 " before the selection: one character, two UTF-16 units
    String text = "R: \uD83D\uDE42 fine now.";
    QdaProject project =
        project("P01", text, new QdaProject.Selection("sel1", "", 5, 14, null, List.of("c1")));
    QdaImporter importer =
        new QdaImporter(TestStudy.studyWithCodebook(), Set.of("P01"), Map.of(), p -> Map.of());

    // when
    QdaImport imported = importer.importProject("coding/p.qdpx", project);

    // then
    String staged = imported.sources().getFirst().source().text();
    assertThat(imported.selections())
        .singleElement()
        .satisfies(s -> assertThat(staged.substring(s.start(), s.end())).isEqualTo("fine now."));
  }

  @Test
  void quarantinesASelectionOutsideTheText() {
    // given
    QdaProject project =
        project("P01", "short", new QdaProject.Selection("sel1", "", 2, 40, null, List.of("c1")));
    QdaImporter importer =
        new QdaImporter(TestStudy.studyWithCodebook(), Set.of("P01"), Map.of(), p -> Map.of());

    // then
    assertThat(importer.importProject("coding/p.qdpx", project).quarantined())
        .extracting(QuarantinedRecord::reason)
        .containsExactly(
            "selection 2-40 lies outside the source text (5 characters) (source 'P01', code 'Lived"
                + " experience')");
  }

  @Test
  void refusesAFileThatIsNotAProjectAsOneQuarantinedRecord() {
    // when
    QdaImport imported =
        RefiQdaInputs.importFile(
            "coding/x.qde",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project>&e;</Project>"
                .getBytes(StandardCharsets.UTF_8),
            new QdaImporter(TestStudy.study(), Set.of(), Map.of(), p -> Map.of()));

    // then: no DTD is processed
    assertThat(imported.quarantined())
        .singleElement()
        .satisfies(q -> {
          assertThat(q.location()).isEqualTo("file");
          assertThat(q.reason()).startsWith("project XML is not readable: ").contains("DOCTYPE");
        });
  }

  @Test
  void refusesAQdpxThatIsNotAZipArchive() {
    // when
    QdaImport imported =
        RefiQdaInputs.importFile(
            "coding/x.qdpx",
            "<Project/>".getBytes(StandardCharsets.UTF_8),
            new QdaImporter(TestStudy.study(), Set.of(), Map.of(), p -> Map.of()));

    // then
    assertThat(imported.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "coding/x.qdpx: file: not a readable .qdpx (zip) archive: it does not start as one");
  }
}
