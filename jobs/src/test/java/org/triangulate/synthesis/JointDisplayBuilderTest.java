package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triangulate.stats.Answer;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.ItemStatistics;
import org.triangulate.study.Happening;

class JointDisplayBuilderTest {

  // The fixture: 12 participants, 6 per case, 1 yes, 1 partly and 4 no in each case.
  private final PackFixture fixture = new PackFixture();

  @Test
  void studyWideDisplayHasARowPerCaseWithItsNumbersAndQuotes() {
    JointDisplay display =
        new JointDisplayBuilder(fixture.study, new PackFixture.FakeQuotes(fixture.study))
            .build(fixture.pattern, fixture.stats);

    assertThat(display.rows()).extracting(JointDisplay.Row::groupId).containsExactly("C01", "C02");
    JointDisplay.Row first = display.rows().get(0);
    assertThat(first.numbers())
        .isEqualTo(new JointDisplay.Numbers(6, "17%", "17%", "67%", "2.5 (n 6)"));
    assertThat(first.studyWide()).isNull();
    assertThat(first.quotes()).extracting(q -> q.quote().extractId()).containsExactly("e1", "e2");
    assertThat(first.quotes().get(0).label()).startsWith("P001").endsWith(" · C01");
    assertThat(display.rows().get(1).quotes()).isEmpty();
    // and one chart line per row whose answer segments fill the bar
    assertThat(display.charts().bars()).hasSize(2);
    double filled =
        display.charts().bars().get(0).segments().stream()
            .mapToDouble(s -> Double.parseDouble(s.width()))
            .sum();
    assertThat(filled).isCloseTo(ChartLayout.BAR_WIDTH, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void feedbackDisplayShowsTheCaseBesideAllCasesWithQuotesFromTheCaseOnly() {
    // given the second case's own statistics
    List<String> asked = new ArrayList<>();
    QuoteFinder recording =
        new QuoteFinder(null, null, fixture.study) {
          @Override
          public List<Quote> find(
              String itemId,
              org.triangulate.stats.ItemGroupStats row,
              String grouping,
              String group,
              String caseId,
              Section section) {
            asked.add(group + "@" + caseId);
            return List.of();
          }
        };
    List<Answer> caseAnswers = new ArrayList<>();
    for (int i = 7; i <= 12; i++) {
      Happening happening = i == 12 ? Happening.PARTLY : i == 10 ? Happening.YES : Happening.NO;
      caseAnswers.add(
          new Answer(String.format("P%03d", i), fixture.item.id(), happening, 1 + i % 4));
    }
    List<ItemGroupStats> caseStats =
        new ItemStatistics(fixture.study)
            .compute(
                caseAnswers,
                Map.of(
                    "P007", Map.of("case", "C02"),
                    "P008", Map.of("case", "C02"),
                    "P009", Map.of("case", "C02"),
                    "P010", Map.of("case", "C02"),
                    "P011", Map.of("case", "C02"),
                    "P012", Map.of("case", "C02")));

    // when
    JointDisplay display =
        new JointDisplayBuilder(fixture.study, recording)
            .build(
                fixture.pattern,
                fixture.stats,
                new JointDisplayBuilder.CaseScope("C02", caseStats));

    // then the case's row stands beside all twelve answers, and quotes were asked of that case only
    assertThat(display.rows())
        .singleElement()
        .satisfies(row -> {
          assertThat(row.groupId()).isEqualTo("C02");
          assertThat(row.numbers().n()).isEqualTo(6);
          assertThat(row.studyWide())
              .isEqualTo(new JointDisplay.Numbers(12, "17%", "17%", "67%", "2.5 (n 12)"));
        });
    assertThat(asked).containsExactly("C02@C02");
    assertThat(display.charts().bars())
        .extracting(JointDisplay.ChartBar::label)
        .containsExactly("C02", "All cases");
    assertThat(display.finding()).endsWith("In case C02: 17% yes (n 6), mean importance 2.5.");
  }
}
