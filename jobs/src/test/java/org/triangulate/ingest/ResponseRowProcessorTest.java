package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.triangulate.ingest.TestStudy.row;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.triangulate.study.Happening;

class ResponseRowProcessorTest {

  private final ResponseRowProcessor processor =
      new ResponseRowProcessor(TestStudy.study(), Set.of("P01", "P02"));

  private static CsvRow response(
      String participant, String item, String happening, String importance) {
    return row(
        "responses.csv",
        2,
        "participant_id",
        participant,
        "item_id",
        item,
        "happening",
        happening,
        "importance",
        importance);
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          yes           | YES
          YES           | YES
          "  Y  "       | YES
          partly        | PARTLY
          Partially     | PARTLY
          In   Part     | PARTLY
          No            | NO
          n             | NO
          dont_know     | DONT_KNOW
          Don't know    | DONT_KNOW
          Don’t know    | DONT_KNOW
          DK            | DONT_KNOW
          not_relevant  | NOT_RELEVANT
          Not Relevant  | NOT_RELEVANT
          n/a           | NOT_RELEVANT
          N/A           | NOT_RELEVANT
          """)
  void acceptsTheCodesAndTheirDeclaredSpellingsWhateverTheCase(String answer, Happening expected) {
    // when
    StagedResponse staged = processor.process(response("P01", "sup_access", answer, "3"));

    // then
    assertThat(staged).isEqualTo(new StagedResponse("P01", "sup_access", expected, 3));
  }

  @Test
  void readsBlankImportanceAsNotAnswered() {
    // when
    StagedResponse staged = processor.process(response("P02", "pay_parity", "no", "  "));

    // then
    assertThat(staged.importance()).isNull();
    assertThat(staged.happening()).isEqualTo(Happening.NO);
  }

  @Test
  void acceptsBothEndsOfTheImportanceScale() {
    // when
    StagedResponse lowest = processor.process(response("P01", "sup_access", "yes", "1"));
    StagedResponse highest = processor.process(response("P01", "pay_parity", "yes", "4"));

    // then
    assertThat(lowest.importance()).isEqualTo(1);
    assertThat(highest.importance()).isEqualTo(4);
  }

  @Test
  void rejectsUnknownParticipantNamingTheColumnAndValue() {
    assertThatThrownBy(() -> processor.process(response("P99", "sup_access", "yes", "2")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column participant_id")
        .hasMessageContaining("'P99'");
  }

  @Test
  void rejectsUnknownItemNamingTheColumnAndValue() {
    assertThatThrownBy(() -> processor.process(response("P01", "sup_acess", "yes", "2")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column item_id")
        .hasMessageContaining("'sup_acess'");
  }

  @Test
  void rejectsAnswerThatIsNoDeclaredSpellingNamingTheColumnAndValue() {
    assertThatThrownBy(() -> processor.process(response("P01", "sup_access", "maybe", "2")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column happening")
        .hasMessageContaining("'maybe'");
  }

  @Test
  void rejectsBlankAnswer() {
    assertThatThrownBy(() -> processor.process(response("P01", "sup_access", "", "2")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column happening")
        .hasMessageContaining("''");
  }

  @ParameterizedTest(name = "importance ''{0}''")
  @CsvSource({"0", "5", "x", "2.5", "-1"})
  void rejectsImportanceOutsideTheScaleNamingTheColumnAndValue(String importance) {
    assertThatThrownBy(() -> processor.process(response("P01", "sup_access", "yes", importance)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("column importance")
        .hasMessageContaining("'" + importance + "'")
        .hasMessageContaining("from 1 to 4");
  }
}
