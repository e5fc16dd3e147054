package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.triangulate.ingest.TestStudy.row;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipantRowProcessorTest {

  private final ParticipantRowProcessor processor =
      new ParticipantRowProcessor(TestStudy.study(), Set.of("C01", "C02"));

  private static CsvRow participant(
      String participantId, String caseId, String group, String date) {
    return row(
        "participants.csv",
        2,
        "participant_id",
        participantId,
        "case_id",
        caseId,
        "stakeholder_group",
        group,
        "interview_date",
        date);
  }

  @Test
  void stagesParticipantWithCaseAttributesAndInterviewDate() {
    // when
    StagedParticipant staged =
        processor.process(participant("P07", "C02", "peer_worker", "2025-03-31"));

    // then
    assertThat(staged)
        .isEqualTo(
            new StagedParticipant(
                "P07",
                "C02",
                LocalDate.of(2025, 3, 31),
                Map.of("stakeholder_group", "peer_worker")));
  }

  @Test
  void readsBlankInterviewDateAsUnknown() {
    // when
    StagedParticipant staged = processor.process(participant("P07", "C01", "line_manager", ""));

    // then
    assertThat(staged.interviewDate()).isNull();
  }

  @Test
  void rejectsParticipantOfUnknownCaseNamingTheColumnAndValue() {
    assertThatThrownBy(() -> processor.process(participant("P07", "C09", "peer_worker", "")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column case_id")
        .hasMessageContaining("'C09'");
  }

  @Test
  void rejectsUndeclaredStakeholderGroupNamingTheColumnAndValue() {
    assertThatThrownBy(() -> processor.process(participant("P07", "C01", "volunteer", "")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column stakeholder_group")
        .hasMessageContaining("'volunteer'");
  }

  @Test
  void rejectsInterviewDateThatIsNotIsoNamingTheColumnAndValue() {
    assertThatThrownBy(
            () -> processor.process(participant("P07", "C01", "peer_worker", "31/03/2025")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column interview_date")
        .hasMessageContaining("'31/03/2025'");
  }
}
