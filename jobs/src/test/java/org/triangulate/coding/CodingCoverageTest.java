package org.triangulate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.coding.CodingCoverage.ParticipantSegment;

/**
 * Coverage on a fixture small enough to count by hand: three participants in two cases, five
 * participant segments, a category nobody is coded to and one only an import knows.
 */
class CodingCoverageTest {

  @TempDir Path runDirectory;

  private static CodingCoverage fixture() {
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("role_clarity", "making_the_role_work");
    categories.put("supervision", "support");
    categories.put("pay", "reward");
    Map<String, Map<String, String>> groups =
        Map.of(
            "P1", Map.of("case", "C1", "stakeholder_group", "peer_worker"),
            "P2", Map.of("case", "C1", "stakeholder_group", "line_manager"),
            "P3", Map.of("case", "C2", "stakeholder_group", "peer_worker"));
    List<ParticipantSegment> segments =
        List.of(
            new ParticipantSegment("s1", "P1", "P1.txt", 0, 40),
            new ParticipantSegment("s2", "P1", "P1.txt", 50, 90),
            new ParticipantSegment("s3", "P2", "P2.txt", 0, 30),
            new ParticipantSegment("s4", "P3", "P3.txt", 0, 25),
            new ParticipantSegment("s5", "P3", "P3.txt", 30, 70));
    // s3 carries supervision twice (a rule's coding and an imported one): it counts once
    Map<String, List<String>> codings =
        Map.of(
            "s1", List.of("role_clarity", "supervision"),
            "s3", List.of("supervision", "supervision"),
            "s4", List.of("role_clarity", "own_code"));
    return CodingCoverage.of(
        "test", 7, categories, List.of("stakeholder_group"), segments, groups, codings);
  }

  @Test
  void countsDistinctSegmentsPerCategoryByCaseAndByGroup() {
    // when
    CodingCoverage coverage = fixture();

    // then
    assertThat(coverage.segments()).isEqualTo(5);
    assertThat(coverage.codedSegments()).isEqualTo(3);
    assertThat(coverage.dimensions()).containsExactly("case", "stakeholder_group");
    assertThat(coverage.categories())
        .extracting(
            CodingCoverage.CategoryCoverage::category,
            CodingCoverage.CategoryCoverage::segments,
            c -> c.byGroup().get("case"),
            c -> c.byGroup().get("stakeholder_group"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "role_clarity", 2, Map.of("C1", 1, "C2", 1), Map.of("peer_worker", 2)),
            org.assertj.core.groups.Tuple.tuple(
                "supervision", 2, Map.of("C1", 2), Map.of("peer_worker", 1, "line_manager", 1)),
            org.assertj.core.groups.Tuple.tuple("pay", 0, Map.of(), Map.of()),
            org.assertj.core.groups.Tuple.tuple(
                "own_code", 1, Map.of("C2", 1), Map.of("peer_worker", 1)));
    assertThat(coverage.totals().get("case")).isEqualTo(Map.of("C1", 3, "C2", 2));
    assertThat(coverage.totals().get("stakeholder_group"))
        .isEqualTo(Map.of("peer_worker", 4, "line_manager", 1));
  }

  @Test
  void namesCategoriesWithoutSegmentsAndSegmentsWithoutCategories() {
    // when
    CodingCoverage coverage = fixture();

    // then
    assertThat(coverage.emptyCategories()).containsExactly("pay");
    assertThat(coverage.uncoded().segments()).isEqualTo(2);
    assertThat(coverage.uncoded().list())
        .extracting(CodingCoverage.UncodedSegment::segmentId, CodingCoverage.UncodedSegment::caseId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s2", "C1"),
            org.assertj.core.groups.Tuple.tuple("s5", "C2"));
    assertThat(coverage.uncoded().byGroup().get("case")).isEqualTo(Map.of("C1", 1, "C2", 1));
    assertThat(coverage.uncoded().byGroup().get("stakeholder_group"))
        .isEqualTo(Map.of("peer_worker", 2));
  }

  @Test
  void writesJsonCsvUncodedListAndReadableTables() throws IOException {
    // when
    CodingCoverageWriter.write(fixture(), runDirectory);

    // then the CSV has one row per category × dimension × group with the group's share
    List<String> csv = Files.readAllLines(runDirectory.resolve("coverage.csv"));
    assertThat(csv.getFirst())
        .isEqualTo("category,theme,dimension,group,segments,group_segments,share");
    assertThat(csv)
        .contains(
            "supervision,support,all,all,2,5,0.4000",
            "supervision,support,case,C1,2,3,0.6667",
            "supervision,support,case,C2,0,2,0.0000",
            "supervision,support,stakeholder_group,line_manager,1,1,1.0000",
            "pay,reward,case,C1,0,3,0.0000");
    assertThat(Files.readAllLines(runDirectory.resolve("uncoded-segments.csv")))
        .containsExactly(
            "segment_id,participant_id,case_id,source,start_offset,end_offset",
            "s2,P1,C1,P1.txt,50,90",
            "s5,P3,C2,P3.txt,30,70");
    String json = Files.readString(runDirectory.resolve("coverage.json"));
    assertThat(json)
        .contains("\"emptyCategories\" : [ \"pay\" ]")
        .contains("\"codedSegments\" : 3");

    // and the text has a table per dimension: groups across, categories down, then the totals
    List<List<String>> text =
        Files.readAllLines(runDirectory.resolve("coverage.txt")).stream()
            .map(l -> Arrays.asList(l.strip().split("\\s+")))
            .toList();
    assertThat(text)
        .contains(
            List.of("supervision", "1", "1", "2"),
            List.of("supervision", "2", "0", "2"),
            List.of("(no", "category)", "1", "1", "2"),
            List.of("(participant", "segments)", "1", "4", "5"));
    assertThat(Files.readString(runDirectory.resolve("coverage.txt")))
        .contains("Participant segments: 5; coded to a category: 3 (60.0%); without a category: 2")
        .contains("Categories with no coded segment (1): pay");
  }
}
