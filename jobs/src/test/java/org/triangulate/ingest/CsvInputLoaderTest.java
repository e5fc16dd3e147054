package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Happening;

class CsvInputLoaderTest {

  private static CsvFile csv(String fileName, String text) {
    return CsvFileReader.parse(fileName, text.getBytes(StandardCharsets.UTF_8));
  }

  private static InputLoad<StagedResponse> responses(String text) {
    return CsvInputLoader.responses(
        csv("responses.csv", text), TestStudy.study(), Set.of("P01", "P02"));
  }

  @Test
  void quarantinesBothAnswersWhenAParticipantAnswersAnItemTwice() {
    // given P01 answers sup_access on lines 2 and 4, differently
    String text =
        "participant_id,item_id,happening,importance\n"
            + "P01,sup_access,yes,3\n"
            + "P01,pay_parity,no,4\n"
            + "P01,sup_access,no,1\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then neither is guessed right: both are quarantined, the other answer loads
    assertThat(load.loaded())
        .containsExactly(new StagedResponse("P01", "pay_parity", Happening.NO, 4));
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::location, QuarantinedRecord::reason)
        .containsExactly(
            tuple(
                "line 2",
                "duplicate answer: participant P01 answered item sup_access on lines 2 and 4; all are"
                    + " quarantined (none is guessed)"),
            tuple(
                "line 4",
                "duplicate answer: participant P01 answered item sup_access on lines 2 and 4; all are"
                    + " quarantined (none is guessed)"));
    assertThat(load.read()).isEqualTo(3);
  }

  @Test
  void anInvalidRowIsNotAnAnswerThatMakesAValidOneADuplicate() {
    // given line 3 repeats the item with an importance outside the scale
    String text =
        "participant_id,item_id,happening,importance\n"
            + "P01,sup_access,yes,3\n"
            + "P01,sup_access,yes,7\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.loaded())
        .containsExactly(new StagedResponse("P01", "sup_access", Happening.YES, 3));
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "responses.csv: line 3: column importance: '7' is not a whole number from 1 to 4 or blank");
  }

  @Test
  void readsWideFormDetectedByItsHeader() {
    // given one row per participant, <item>_A and <item>_B columns in any case
    String text =
        "Participant ID,SUP_ACCESS_A,sup_access_B,pay_parity_a,pay_parity_b\n"
            + "P01,Yes,4,Don’t know,\n"
            + "P02,n/a,,,\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.loaded())
        .containsExactly(
            new StagedResponse("P01", "sup_access", Happening.YES, 4),
            new StagedResponse("P01", "pay_parity", Happening.DONT_KNOW, null),
            new StagedResponse("P02", "sup_access", Happening.NOT_RELEVANT, null));
    assertThat(load.quarantined()).isEmpty();
    assertThat(load.notes())
        .containsExactly("wide form (one row per participant, columns <item>_A and <item>_B)");
  }

  @Test
  void namesTheWideColumnAndValueOfABadAnswer() {
    // given
    String text =
        "participant_id,sup_access_A,sup_access_B,workload_A\n"
            + "P01,maybe,2,yes\n"
            + "P09,yes,,\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.loaded()).isEmpty();
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "responses.csv: line 2: column sup_access_A: 'maybe' is not an accepted answer (yes,"
                + " partly, no, dont_know, not_relevant or their spellings in study.yml)",
            "responses.csv: line 2: column workload_A: 'workload' is not an item in study.yml",
            "responses.csv: line 3: column participant_id: 'P09' is not a participant in"
                + " participants.csv (or its row there was quarantined)");
  }

  @Test
  void quarantinesEveryAnswerOfAParticipantWhoHasTwoWideRows() {
    // given
    String text = "participant_id,sup_access_A\nP01,yes\nP01,no\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.loaded()).isEmpty();
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::location)
        .containsExactly("line 2", "line 3");
  }

  @Test
  void toleratesTheSpellingsOfDontKnowAndNotRelevant() {
    // given DK written the ways people type it; the study declares "don't know", "dk", "n/a"
    String text =
        "participant_id,item_id,happening\n"
            + "P01,sup_access,Don't know\n"
            + "P02,sup_access,Don’t know\n"
            + "P01,pay_parity,DK\n"
            + "P02,pay_parity,N/A\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.loaded())
        .extracting(StagedResponse::happening)
        .containsExactly(
            Happening.DONT_KNOW, Happening.DONT_KNOW, Happening.DONT_KNOW, Happening.NOT_RELEVANT);
  }

  @Test
  void quarantinesEveryRowWhenAColumnItNeedsAppearsTwiceInTheHeader() {
    // given
    String text = "participant_id,item_id,happening,Item ID\nP01,sup_access,yes,pay_parity\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::reason)
        .containsExactly(
            "the header has column item_id more than once (columns 2 and 4); no row is read from an"
                + " ambiguous header");
  }

  @Test
  void quarantinesBothRowsOfADuplicateCaseAndTheirParticipantsFollow() {
    // given C01 twice in cases.csv
    InputLoad<StagedCase> cases =
        CsvInputLoader.cases(
            csv(
                "cases.csv",
                "case_id,name,employer,setting\nC01,A,nhs,inpatient\nC02,B,NHS,Community\n"
                    + "C01,C,voluntary,community\n"),
            TestStudy.study());

    // then
    assertThat(cases.loaded()).extracting(StagedCase::caseId).containsExactly("C02");
    assertThat(cases.loaded().getFirst().attributes())
        .containsEntry("employer", "nhs")
        .containsEntry("setting", "community");
    assertThat(cases.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "cases.csv: line 2: duplicate case: case_id C01 on lines 2 and 4; all are quarantined"
                + " (none is guessed)",
            "cases.csv: line 4: duplicate case: case_id C01 on lines 2 and 4; all are quarantined"
                + " (none is guessed)");

    // and a participant of the quarantined case is quarantined in turn
    InputLoad<StagedParticipant> participants =
        CsvInputLoader.participants(
            csv(
                "participants.csv",
                "participant_id,case_id,stakeholder_group\nP01,C01,peer_worker\nP02,,peer_worker\n"),
            TestStudy.study(),
            Set.of("C02"));
    assertThat(participants.quarantined())
        .extracting(QuarantinedRecord::describe)
        .containsExactly(
            "participants.csv: line 2: column case_id: 'C01' is not a case in cases.csv (or its row"
                + " there was quarantined)",
            "participants.csv: line 3: column case_id: '' is blank: every participant needs a case");
  }

  @Test
  void everyRecordIsLoadedOrQuarantinedIncludingUnreadableOnes() {
    // given a file mixing good rows, a bad value, a duplicate pair and an unreadable line
    String text =
        "participant_id,item_id,happening,importance\n"
            + "P01,sup_access,yes,3\n"
            + "P01,pay_parity,\"no,2\n"
            + "P02,sup_access,partly,\n"
            + "P02,pay_parity,nope,\n"
            + "P02,sup_access,no,\n";

    // when
    InputLoad<StagedResponse> load = responses(text);

    // then 5 records: 1 loaded, 4 quarantined (unreadable, bad answer, duplicate pair)
    assertThat(load.read()).isEqualTo(5);
    assertThat(load.loaded()).hasSize(1);
    assertThat(load.quarantined())
        .extracting(QuarantinedRecord::location)
        .containsExactly("line 3", "line 4", "line 5", "line 6");
    assertThat(load.quarantined()).allSatisfy(q -> assertThat(q.input()).isEqualTo("responses"));
  }
}
