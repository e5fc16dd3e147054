package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * The study folders of {@code src/test/resources/ingest/studies/}: {@code clean} has every input
 * kind valid, {@code faulty} one malformed record in every input kind.
 */
class StudyInputsCheckTest {

  private static final Path STUDIES = Path.of("src/test/resources/ingest/studies");

  private static List<InputLoad<?>> check(String name) {
    Study study = new StudyLoader().load(STUDIES, name);
    return StudyInputsCheck.check(STUDIES.resolve(name), study);
  }

  @Test
  void findsNothingWrongInACleanStudy() {
    // when
    List<InputLoad<?>> loads = check("clean");

    // then every input kind is read, and everything loads
    assertThat(loads)
        .extracting(InputLoad::fileName, InputLoad::read, l -> (long) l.loaded().size())
        .containsExactly(
            tuple("cases.csv", 2L, 2L),
            tuple("participants.csv", 2L, 2L),
            tuple("responses.csv", 4L, 4L),
            tuple("transcripts/P01.txt", 1L, 1L),
            tuple("transcripts/P02.md", 1L, 1L),
            tuple("coding/pilot.qde", 3L, 3L));
    assertThat(loads).allSatisfy(l -> assertThat(l.quarantined()).isEmpty());
  }

  @Test
  void reportsTheOneMalformedRecordOfEveryInputKindWithFileLocationAndReason() {
    // when
    List<InputLoad<?>> loads = check("faulty");

    // then
    assertThat(
            loads.stream().flatMap(l -> l.quarantined().stream()).map(QuarantinedRecord::describe))
        .containsExactly(
            "cases.csv: line 3: column employer: 'private' is not one of [nhs, voluntary] declared in"
                + " study.yml",
            "participants.csv: line 3: column interview_date: '11/02/2025' is not a date like"
                + " 2025-03-31 (year-month-day)",
            "responses.csv: line 3: column happening: 'maybe' is not an accepted answer (yes, partly,"
                + " no, dont_know, not_relevant or their spellings in study.yml)",
            "transcripts/X99.txt: file: file name 'X99.txt' names no participant in participants.csv"
                + " (name it <participant_id>.txt, .md or .docx)",
            "coding/sources.csv: line 3: column participant_id: 'P77' is not a participant in"
                + " participants.csv",
            "coding/pilot.qde: selection sel2: selection 30-300 lies outside the source text (36"
                + " characters) (source 'P01.txt', code 'Lived experience')");
    // and the counts balance for every file: read = loaded + quarantined
    assertThat(loads)
        .extracting(
            InputLoad::fileName,
            InputLoad::read,
            l -> (long) l.loaded().size(),
            l -> (long) l.quarantined().size())
        .containsExactly(
            tuple("cases.csv", 2L, 1L, 1L),
            tuple("participants.csv", 2L, 1L, 1L),
            tuple("responses.csv", 2L, 1L, 1L),
            tuple("transcripts/P01.txt", 1L, 1L, 0L),
            tuple("transcripts/X99.txt", 1L, 0L, 1L),
            tuple("coding/sources.csv", 2L, 1L, 1L),
            tuple("coding/pilot.qde", 3L, 2L, 1L));
  }
}
