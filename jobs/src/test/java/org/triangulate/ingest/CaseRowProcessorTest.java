package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.triangulate.ingest.TestStudy.row;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseRowProcessorTest {

  private final CaseRowProcessor processor = new CaseRowProcessor(TestStudy.study());

  @Test
  void stagesCaseWithItsNameAndDeclaredAttributes() {
    // given
    CsvRow row =
        row(
            "cases.csv",
            2,
            "case_id",
            "C01",
            "name",
            "Northgate ward",
            "employer",
            "nhs",
            "setting",
            "inpatient");

    // when
    StagedCase staged = processor.process(row);

    // then
    assertThat(staged)
        .isEqualTo(
            new StagedCase(
                "C01", "Northgate ward", Map.of("employer", "nhs", "setting", "inpatient")));
  }

  @Test
  void usesTheCaseIdAsNameWhenTheNameIsBlank() {
    // given
    CsvRow row =
        row(
            "cases.csv",
            2,
            "case_id",
            "C02",
            "name",
            " ",
            "employer",
            "voluntary",
            "setting",
            "community");

    // when
    StagedCase staged = processor.process(row);

    // then
    assertThat(staged.name()).isEqualTo("C02");
  }

  @Test
  void rejectsUndeclaredAttributeValueNamingTheColumn() {
    // given: "private" is not among employer's values nhs, voluntary
    CsvRow row =
        row(
            "cases.csv",
            2,
            "case_id",
            "C01",
            "name",
            "A",
            "employer",
            "private",
            "setting",
            "inpatient");

    // then
    assertThatThrownBy(() -> processor.process(row))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column employer")
        .hasMessageContaining("'private'");
  }

  @Test
  void rejectsMissingAttributeColumnNamingIt() {
    // given: no setting column at all
    CsvRow row = row("cases.csv", 2, "case_id", "C01", "name", "A", "employer", "nhs");

    // then
    assertThatThrownBy(() -> processor.process(row))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("no column setting in the header (found: case_id, name, employer)");
  }

  @Test
  void rejectsCaseIdThatIsNotAnId() {
    // given
    CsvRow row =
        row(
            "cases.csv",
            2,
            "case_id",
            "C 01",
            "name",
            "A",
            "employer",
            "nhs",
            "setting",
            "inpatient");

    // then
    assertThatThrownBy(() -> processor.process(row))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column case_id")
        .hasMessageContaining("'C 01'");
  }
}
